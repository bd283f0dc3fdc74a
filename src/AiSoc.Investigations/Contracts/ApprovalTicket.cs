namespace AiSoc.Investigations;

/// <summary>A stored approval request, as the orchestration needs it for the wait.</summary>
public sealed record ApprovalTicket(string ApprovalId, string PlanHash, DateTimeOffset ExpiresAt, string EscalateTo, IReadOnlyList<string> IdempotencyKeys);

/// <summary>Input of the create-approval activity.</summary>
/// <param name="Input">The investigation.</param>
/// <param name="ApprovalId">Id from the orchestration's replay-safe GUID.</param>
/// <param name="PlanHash">The hash of the plan the policy evaluated.</param>
/// <param name="IdempotencyKeys">Actions that need approval.</param>
/// <param name="CreatedAt">Orchestration time of creation; the request expires relative to it.</param>
public sealed record CreateApprovalRequest(InvestigationInput Input, string ApprovalId, string PlanHash, IReadOnlyList<string> IdempotencyKeys, DateTimeOffset CreatedAt);
