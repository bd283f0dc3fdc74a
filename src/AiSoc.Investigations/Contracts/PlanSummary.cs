using AiSoc.Core.Response;

namespace AiSoc.Investigations;

/// <summary>The response plan of an investigation, as ids and names that survive serialization.</summary>
/// <param name="PlaybookId">The playbook the plan was built from.</param>
/// <param name="PlanHash">The plan hash that approvers confirm.</param>
/// <param name="Actions">The plan's actions in idempotency-key order.</param>
/// <param name="IsHumanReview">True when no playbook action applied and the plan is a single review task for a person.</param>
/// <param name="VerifyPollInterval">Wait between status checks of a pending action. Orchestrators are not built by
/// dependency injection, so settings reach them in an activity result, which replays with the same value.</param>
/// <param name="VerifyMaxPolls">Status checks of a pending action before it is recorded as unverified.</param>
public sealed record PlanSummary(string PlaybookId, string PlanHash, IReadOnlyList<PlannedAction> Actions, bool IsHumanReview, TimeSpan VerifyPollInterval, int VerifyMaxPolls);

/// <summary>One action of a plan.</summary>
public sealed record PlannedAction(string IdempotencyKey, string ActionName, string TargetKind, string TargetId, string TargetDisplayName, ImpactLevel Impact);
