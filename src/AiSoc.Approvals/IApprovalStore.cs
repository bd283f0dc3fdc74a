namespace AiSoc.Approvals;

/// <summary>
/// Storage of approval requests. Replacements are guarded by an ETag, so of two concurrent decisions exactly one
/// moves a request out of pending.
/// </summary>
public interface IApprovalStore
{
    /// <summary>Stores a new request; returns false when the id already exists.</summary>
    Task<bool> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns the request and its ETag, or null when the id is unknown.</summary>
    Task<StoredApproval?> GetAsync(string approvalId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the request when its ETag still equals <paramref name="expectedETag"/>; returns false otherwise.</summary>
    Task<bool> TryReplaceAsync(ApprovalRequest request, string expectedETag, CancellationToken cancellationToken = default);
}

/// <summary>A stored request with the ETag of this version.</summary>
public sealed record StoredApproval(ApprovalRequest Request, string ETag);
