using AiSoc.Approvals;

namespace AiSoc.Investigations;

/// <summary>The decision the orchestration acts on, read from the approval store.</summary>
/// <param name="ApprovalId">The approval request.</param>
/// <param name="Status">Pending, approved, rejected or expired.</param>
/// <param name="DecidedBy">Who decided; null while pending or after expiry.</param>
/// <param name="DecidedAt">When the person decided.</param>
/// <param name="Comment">The approver's comment.</param>
/// <param name="LateDecision">A decision stored after the wait had timed out, which has no effect; null when none.</param>
public sealed record ApprovalState(string ApprovalId, ApprovalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment, string? LateDecision = null);

/// <summary>Input of the expire-approval activity.</summary>
public sealed record ExpireApprovalRequest(InvestigationInput Input, ApprovalTicket Ticket);
