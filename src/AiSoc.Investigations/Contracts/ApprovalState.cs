using AiSoc.Approvals;

namespace AiSoc.Investigations;

/// <summary>The decision the orchestration acts on, read from the approval store.</summary>
/// <param name="ApprovalId">The approval request.</param>
/// <param name="Status">Pending, approved, rejected or expired.</param>
/// <param name="DecidedBy">Who decided; null while pending or after expiry.</param>
/// <param name="DecidedAt">When the person decided.</param>
/// <param name="Comment">The approver's comment.</param>
/// <param name="LateDecision">A decision stored after the wait had timed out, which has no effect; null when none.</param>
/// <param name="WithdrawnReason">Why the investigation withdrew the request before a decision, such as a changed plan
/// after an incident update, or null when the request was not withdrawn. A withdrawn request is stored as expired.</param>
public sealed record ApprovalState(string ApprovalId, ApprovalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment, string? LateDecision = null, string? WithdrawnReason = null);

/// <summary>Input of the expire-approval activity.</summary>
public sealed record ExpireApprovalRequest(InvestigationInput Input, ApprovalTicket Ticket);

/// <summary>Input of the withdraw-approval activity.</summary>
/// <param name="Input">The investigation.</param>
/// <param name="Ticket">The pending request to withdraw.</param>
/// <param name="Reason">Why the request is withdrawn. It is stored with the request and sent to the escalation target.</param>
/// <param name="WithdrawnAt">Orchestration time of the withdrawal.</param>
public sealed record WithdrawApprovalRequest(InvestigationInput Input, ApprovalTicket Ticket, string Reason, DateTimeOffset WithdrawnAt);
