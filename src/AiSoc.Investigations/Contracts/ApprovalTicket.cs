namespace AiSoc.Investigations;

/// <summary>A stored approval request, as the orchestration needs it for the wait.</summary>
/// <param name="ApprovalId">The approval request.</param>
/// <param name="PlanHash">The plan hash the approver confirms.</param>
/// <param name="ExpiresAt">When the wait ends with escalation.</param>
/// <param name="EscalateTo">Who is notified on expiry.</param>
/// <param name="IdempotencyKeys">Actions that wait for the decision.</param>
/// <param name="RecheckInterval">How often the wait reads the store even without an event.</param>
public sealed record ApprovalTicket(string ApprovalId, string PlanHash, DateTimeOffset ExpiresAt, string EscalateTo, IReadOnlyList<string> IdempotencyKeys, TimeSpan RecheckInterval);

/// <summary>Input of the create-approval activity.</summary>
/// <param name="Input">The investigation.</param>
/// <param name="ApprovalId">Id from the orchestration's replay-safe GUID.</param>
/// <param name="PlanHash">The hash of the plan the policy evaluated.</param>
/// <param name="IdempotencyKeys">Actions that need approval.</param>
/// <param name="CreatedAt">Orchestration time of creation; the request expires relative to it.</param>
public sealed record CreateApprovalRequest(InvestigationInput Input, string ApprovalId, string PlanHash, IReadOnlyList<string> IdempotencyKeys, DateTimeOffset CreatedAt);
