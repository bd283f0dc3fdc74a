using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;

namespace AiSoc.Investigations;

/// <summary>Input of the execute-action activity.</summary>
/// <param name="Input">The investigation.</param>
/// <param name="IdempotencyKey">The plan action to run.</param>
/// <param name="PlanHash">The plan hash the decision was made on; the activity refuses to run a different plan.</param>
/// <param name="ApprovedByPerson">True when a person approved the action.</param>
/// <param name="ApprovedBy">The person who approved the action; null for an action the policy cleared, or in older histories.</param>
public sealed record ExecuteActionRequest(InvestigationInput Input, string IdempotencyKey, string PlanHash, bool ApprovedByPerson, string? ApprovedBy = null);

/// <summary>Input of the verify-action activity.</summary>
public sealed record VerifyActionRequest(InvestigationInput Input, string IdempotencyKey, string PlanHash, string ProviderActionId);

/// <summary>Input of the activity that escalates an action still pending after the last status check.</summary>
public sealed record EscalateActionRequest(InvestigationInput Input, string IdempotencyKey, string PlanHash, string? ProviderActionId);

/// <summary>What happened to one planned action.</summary>
/// <param name="IdempotencyKey">The plan action.</param>
/// <param name="Disposition">The policy decision at evaluation.</param>
/// <param name="Result">Final result, such as <c>executed</c>, <c>rejected</c>, <c>expired</c>, <c>blocked</c> or <c>shadow-only</c>.</param>
/// <param name="Executed">True when the executor ran the action (in dry-run mode it changed nothing).</param>
/// <param name="Status">The executor's status; null when the action did not reach the executor.</param>
/// <param name="ProviderActionId">The provider's id of a pending or finished action.</param>
/// <param name="Reasons">Why the action ended this way.</param>
public sealed record ActionOutcome(
    string IdempotencyKey,
    ActionDisposition Disposition,
    string Result,
    bool Executed,
    ActionExecutionStatus? Status,
    string? ProviderActionId,
    IReadOnlyList<string> Reasons);
