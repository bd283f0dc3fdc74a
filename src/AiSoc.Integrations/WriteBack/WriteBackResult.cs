using AiSoc.Integrations.Recording;

namespace AiSoc.Integrations.WriteBack;

/// <summary>The state of a write-back after one call.</summary>
public enum WriteBackStatus
{
    /// <summary>AiSoc changed the incident or alert.</summary>
    Written,

    /// <summary>The incident or alert already had the requested state or comment, so nothing was written.</summary>
    AlreadyInDesiredState,

    /// <summary>The write failed, and the message states why and what to do.</summary>
    Failed,
}

/// <summary>The outcome of one write-back call, with the tenant calls it made (secrets redacted).</summary>
public sealed record WriteBackResult(WriteBackStatus Status, string Message, IReadOnlyList<TenantCall> Calls);
