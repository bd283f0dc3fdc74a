namespace AiSoc.Core.Schema;

/// <summary>A mailbox.</summary>
public sealed record MailboxEntity() : Entity("mailbox")
{
    public string? Address { get; init; }

    public string? DisplayName { get; init; }

    public string? Upn { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        if (Upn is not null)
        {
            yield return new EntityKey("account:upn:" + Upn.ToLowerInvariant(), true);
        }

        if (Address is not null)
        {
            yield return new EntityKey("mailbox:" + Address.ToLowerInvariant(), false);
        }
    }
}

/// <summary>A mail message.</summary>
public sealed record MailMessageEntity() : Entity("mail-message")
{
    public string? Sender { get; init; }

    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string? NetworkMessageId { get; init; }

    public string? InternetMessageId { get; init; }

    public string? Subject { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        if (NetworkMessageId is not null)
        {
            yield return new EntityKey("mail:" + NetworkMessageId.ToLowerInvariant(), true);
        }
    }
}
