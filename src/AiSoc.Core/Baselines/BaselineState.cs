namespace AiSoc.Core.Baselines;

/// <summary>
/// Everything the baselines have learned, persisted between runs as JSON. Each telemetry kind has its own
/// watermark: observations at or before it are already counted and are skipped, so re-reading a file does not
/// count it twice.
/// </summary>
// NOTE: known values and per-IP entries are never pruned, so the file grows with the number of distinct users,
// countries, devices, sources, process pairs and failing IPs.
public sealed class BaselineState
{
    /// <summary>The state file format version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>Time of the latest sign-in counted.</summary>
    public DateTimeOffset? SignInsThrough { get; set; }

    /// <summary>Time of the latest Windows logon counted.</summary>
    public DateTimeOffset? LogonsThrough { get; set; }

    /// <summary>Time of the latest process creation counted.</summary>
    public DateTimeOffset? ProcessesThrough { get; set; }

    /// <summary>Sign-in profiles by lower-case UPN or user id.</summary>
    public Dictionary<string, UserSignInProfile> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Recent failed sign-ins by source IP, for password spray.</summary>
    public Dictionary<string, IpFailureProfile> Ips { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Windows logon profiles by lower-case <c>domain\user</c>.</summary>
    public Dictionary<string, AccountLogonProfile> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Process profiles by lower-case device name.</summary>
    public Dictionary<string, HostProcessProfile> Hosts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What one user's sign-ins look like. Only successful sign-ins teach known values.</summary>
public sealed class UserSignInProfile
{
    /// <summary>Sign-in attempts counted, successful or failed; warm-up counts these.</summary>
    public long Observations { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public long SuccessfulSignIns { get; set; }

    /// <summary>Successful sign-ins by country or region code.</summary>
    public Dictionary<string, long> Countries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Failed sign-ins by country or region code; shown as evidence, never treated as known.</summary>
    public Dictionary<string, long> FailedCountries { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Asns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Successful sign-ins by "operating system / browser".</summary>
    public Dictionary<string, long> Devices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Successful sign-ins by <c>ClientAppUsed</c>, such as "Browser" or "Exchange ActiveSync".</summary>
    public Dictionary<string, long> ClientApps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Successful sign-ins by UTC hour of day, 24 buckets.</summary>
    public long[] Hours { get; set; } = new long[24];

    /// <summary>The latest sign-in with coordinates, successful or failed, for impossible travel.</summary>
    public GeoFix? LastLocation { get; set; }

    /// <summary>Failed sign-ins since the last success, pruned to the failure burst window.</summary>
    public List<DateTimeOffset> RecentFailures { get; set; } = [];
}

/// <summary>A sign-in's place and time, kept for the impossible travel check.</summary>
public sealed record GeoFix(DateTimeOffset Time, double Latitude, double Longitude, string Place, string? IpAddress, bool IsSuccess);

/// <summary>Failed sign-ins from one IP within the password spray window.</summary>
public sealed class IpFailureProfile
{
    public List<FailedAttempt> Failures { get; set; } = [];

    /// <summary>When this IP last raised a spray anomaly; no second one is raised within the window.</summary>
    public DateTimeOffset? LastSprayAt { get; set; }
}

/// <summary>One failed sign-in: when, and against which user.</summary>
public sealed record FailedAttempt(DateTimeOffset Time, string User);

/// <summary>What one Windows account's logons look like. Only successful logons teach known values.</summary>
public sealed class AccountLogonProfile
{
    /// <summary>Logon events counted, successful or failed; warm-up counts these.</summary>
    public long Observations { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public long SuccessfulLogons { get; set; }

    public Dictionary<string, long> SourceIps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Successful logons by lower-case source workstation name.</summary>
    public Dictionary<string, long> SourceWorkstations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Successful logons by logon type number, as text because JSON object keys are text.</summary>
    public Dictionary<string, long> LogonTypes { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What processes one host starts.</summary>
public sealed class HostProcessProfile
{
    public long Observations { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    /// <summary>Process creations by lower-case "parent -> child" file names.</summary>
    public Dictionary<string, long> Pairs { get; set; } = new(StringComparer.Ordinal);
}
