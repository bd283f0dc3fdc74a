namespace AiSoc.Integrations.Defender;

/// <summary>An OData collection response: <c>{"value": [...]}</c>.</summary>
internal sealed record ODataCollection<T>(IReadOnlyList<T>? Value);

/// <summary>A Defender for Endpoint machine action (response action on a device).</summary>
public sealed record MachineAction
{
    public string Id { get; init; } = string.Empty;

    /// <summary>Isolate, Unisolate, RestrictCodeExecution, UnrestrictCodeExecution, RunAntiVirusScan, CollectInvestigationPackage or StopAndQuarantineFile.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Full or Selective for isolation; Quick or Full for a scan.</summary>
    public string? Scope { get; init; }

    /// <summary>Pending, InProgress, Succeeded, Failed, TimeOut or Cancelled.</summary>
    public string Status { get; init; } = string.Empty;

    public string? MachineId { get; init; }

    public string? RequestorComment { get; init; }

    public DateTimeOffset? CreationDateTimeUtc { get; init; }

    public DateTimeOffset? LastUpdateDateTimeUtc { get; init; }

    /// <summary>True while the action is Pending or InProgress.</summary>
    public bool IsActive => Status is MachineActionStatus.Pending or MachineActionStatus.InProgress;
}

/// <summary>Status values of <see cref="MachineAction.Status"/>.</summary>
public static class MachineActionStatus
{
    public const string Pending = "Pending";
    public const string InProgress = "InProgress";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string TimeOut = "TimeOut";
    public const string Cancelled = "Cancelled";
}

/// <summary>A device known to Defender for Endpoint.</summary>
public sealed record Machine
{
    public string Id { get; init; } = string.Empty;

    public string? ComputerDnsName { get; init; }

    public string? OsPlatform { get; init; }

    public string? HealthStatus { get; init; }

    public string? RiskScore { get; init; }

    public string? ExposureLevel { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public string? LastIpAddress { get; init; }

    public IReadOnlyList<string>? MachineTags { get; init; }
}

/// <summary>A Defender for Endpoint alert on a device.</summary>
public sealed record MachineAlert(string Id, string? Title, string? Severity, string? Status, DateTimeOffset? AlertCreationTime);

/// <summary>A user who logged on to a device.</summary>
public sealed record LogonUser(string? AccountName, string? AccountDomain, string? LogonTypes, DateTimeOffset? LastSeen, bool? IsDomainAdmin);

/// <summary>Organization-wide prevalence of a file.</summary>
public sealed record FileStatistics(string? Sha1, int? OrgPrevalence, DateTimeOffset? OrgFirstSeen, DateTimeOffset? OrgLastSeen, long? GlobalPrevalence, IReadOnlyList<string>? TopFileNames);

/// <summary>Organization-wide prevalence of an IP address.</summary>
public sealed record IpStatistics(string? IpAddress, int? OrgPrevalence, DateTimeOffset? OrgFirstSeen, DateTimeOffset? OrgLastSeen);

/// <summary>A custom indicator of compromise held by the tenant.</summary>
public sealed record Indicator
{
    public string Id { get; init; } = string.Empty;

    public string IndicatorValue { get; init; } = string.Empty;

    /// <summary>FileSha1, FileSha256, FileMd5, IpAddress, DomainName or Url.</summary>
    public string IndicatorType { get; init; } = string.Empty;

    public string? Action { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }
}
