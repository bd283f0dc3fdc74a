namespace AiSoc.Core.Schema;

/// <summary>A user, service or machine account.</summary>
public sealed record AccountEntity() : Entity("account")
{
    /// <summary>Entra object id.</summary>
    public string? ObjectId { get; init; }

    /// <summary>Full user principal name; never assembled from a name without a suffix.</summary>
    public string? Upn { get; init; }

    public string? Sid { get; init; }

    public string? Name { get; init; }

    public string? NtDomain { get; init; }

    public string? UpnSuffix { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>True for well-known built-in principals such as SYSTEM (S-1-5-18) and NETWORK SERVICE.</summary>
    public bool IsBuiltIn { get; init; }

    /// <summary>True when the account has a strong identifier: object id, SID or full UPN.</summary>
    public bool IsResolved => ObjectId is not null || Sid is not null || Upn is not null;

    public override IEnumerable<EntityKey> GetKeys()
    {
        if (IsBuiltIn)
        {
            yield break;
        }

        if (ObjectId is not null)
        {
            yield return new EntityKey("account:oid:" + ObjectId.ToLowerInvariant(), true);
        }

        if (Upn is not null)
        {
            yield return new EntityKey("account:upn:" + Upn.ToLowerInvariant(), true);
        }

        if (Sid is not null)
        {
            yield return new EntityKey("account:sid:" + Sid.ToUpperInvariant(), false);
        }
    }
}
