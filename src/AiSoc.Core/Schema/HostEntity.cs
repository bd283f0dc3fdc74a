namespace AiSoc.Core.Schema;

/// <summary>A device, server or virtual machine.</summary>
public sealed record HostEntity() : Entity("host")
{
    /// <summary>Short host name (NetBIOS or the first label of the FQDN).</summary>
    public string? HostName { get; init; }

    public string? Fqdn { get; init; }

    /// <summary>Defender for Endpoint device id (40 hexadecimal characters).</summary>
    public string? DefenderDeviceId { get; init; }

    public string? AzureAdDeviceId { get; init; }

    public string? AzureResourceId { get; init; }

    public string? OsFamily { get; init; }

    public string? OsVersion { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        if (DefenderDeviceId is not null)
        {
            yield return new EntityKey("host:mde:" + DefenderDeviceId.ToLowerInvariant(), true);
        }

        if (AzureAdDeviceId is not null)
        {
            yield return new EntityKey("host:aad:" + AzureAdDeviceId.ToLowerInvariant(), true);
        }

        if (AzureResourceId is not null)
        {
            yield return new EntityKey("host:arm:" + AzureResourceId.ToLowerInvariant(), true);
        }

        if (Fqdn is not null)
        {
            yield return new EntityKey("host:fqdn:" + Fqdn.ToLowerInvariant(), true);
        }

        if (HostName is not null)
        {
            yield return new EntityKey("host:name:" + HostName.ToLowerInvariant(), false);
        }
    }
}
