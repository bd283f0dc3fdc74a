namespace AiSoc.Core.Tuning.Proposals;

/// <summary>
/// Entity fields a suppression may match. Each is an identifier the directory, the device inventory or the network
/// assigns, not text that an attacker writes into the activity itself. Command lines, file and process names, mail subjects
/// and URLs are attacker-controlled and never used.
/// </summary>
public static class SuppressionFields
{
    public const string AccountObjectId = "account.objectId";
    public const string AccountUpn = "account.upn";
    public const string HostDefenderDeviceId = "host.defenderDeviceId";
    public const string HostAzureAdDeviceId = "host.azureAdDeviceId";
    public const string HostFqdn = "host.fqdn";

    /// <summary>An IP address prefix in CIDR notation, one length per address family.</summary>
    public const string IpPrefix = "ip.prefix";

    /// <summary>Every allowed field, most stable first; when two fields match the same cases, the first is kept.</summary>
    public static IReadOnlyList<string> Allowed { get; } =
        [AccountObjectId, AccountUpn, HostDefenderDeviceId, HostAzureAdDeviceId, HostFqdn, IpPrefix];
}
