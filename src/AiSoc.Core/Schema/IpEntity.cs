namespace AiSoc.Core.Schema;

/// <summary>An IPv4 or IPv6 address in canonical form (IPv4-mapped IPv6 reduced to IPv4).</summary>
public sealed record IpEntity() : Entity("ip")
{
    public required string Address { get; init; }

    /// <summary>True for loopback, link-local, RFC 1918, CGNAT, unique-local and unspecified addresses.</summary>
    public bool IsPrivate { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        yield return new EntityKey("ip:" + Address, !IsPrivate);
    }
}
