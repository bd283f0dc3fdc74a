using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace AiSoc.Investigations;

/// <summary>
/// One investigation per incident: gather context, enrich, decide the verdict, plan, evaluate policy, run what the
/// policy allows, ask a person for the rest, run what they approve, verify and write the case record. The code is
/// replayed, so it takes time, ids and timers only from the context and does all I/O in activities.
/// </summary>
public sealed class InvestigationOrchestrator : TaskOrchestrator<InvestigationInput, CaseRecord>
{
    /// <summary>Name of the external event that announces a stored decision; its payload is the approval id.</summary>
    public const string ApprovalDecidedEvent = "ApprovalDecided";

    /// <summary>
    /// Name of the external event that announces a re-sent incident, which is saved to the store before the event
    /// is raised. Its payload is an <see cref="IncidentUpdateEvent"/>. While an approval request is pending, an
    /// update re-plans. In other stages, it is only counted in the case record.
    /// </summary>
    public const string IncidentUpdatedEvent = "IncidentUpdated";

    /// <summary>Plan changes after which a pending request is withdrawn with no new request, so the history stays small.</summary>
    public const int MaxReplans = 3;

    // Enrichment and execution call tenant APIs that throttle and fail for a while, so each gets a few attempts.
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2.0));

    public override async Task<CaseRecord> RunAsync(TaskOrchestrationContext context, InvestigationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var logger = context.CreateReplaySafeLogger<InvestigationOrchestrator>();
        var startedAt = context.CurrentUtcDateTime;
        var updates = new IncidentUpdateLog(context);
        InvestigationLog.Started(logger, input.InvestigationId, input.IncidentId);

        SetStage(context, InvestigationStages.GatheringContext);
        var gathered = await context.CallActivityAsync<ContextSummary>(nameof(GatherContextActivity), input);

        SetStage(context, InvestigationStages.Enriching);
        var enrichment = await context.CallActivityAsync<EnrichmentSummary>(nameof(EnrichEntitiesActivity), input, Retried);

        SetStage(context, InvestigationStages.DecidingVerdict);
        var verdict = await context.CallActivityAsync<VerdictSummary>(nameof(DecideVerdictActivity), new VerdictRequest(input, enrichment));

        SetStage(context, InvestigationStages.Planning);
        var plan = await context.CallActivityAsync<PlanSummary?>(nameof(BuildPlanActivity), input);

        var outcomes = new List<ActionOutcome>();
        var decisions = new List<ApprovalState>();
        if (plan is not null)
        {
            plan = await RespondAsync(context, input, plan, outcomes, decisions, updates);
        }

        await updates.CollectAsync();
        SetStage(context, InvestigationStages.WritingCaseRecord);
        var record = new CaseRecord
        {
            InvestigationId = input.InvestigationId,
            IncidentId = input.IncidentId,
            Title = gathered.Title,
            Verdict = verdict.Verdict,
            Confidence = verdict.Confidence,
            Evidence = verdict.Evidence,
            PlaybookId = plan?.PlaybookId,
            PlanHash = plan?.PlanHash,
            PlannedActions = plan?.Actions ?? [],
            Actions = outcomes,
            Decisions = decisions,
            TriageKey = input.TriageKey,
            IncidentUpdateCount = updates.Count,
            IncidentUpdateTimes = [.. updates.Times],
            StartedAt = startedAt,
            CompletedAt = context.CurrentUtcDateTime,
        };
        await context.CallActivityAsync<string>(nameof(WriteCaseRecordActivity), record);

        SetStage(context, InvestigationStages.Completed);
        var executed = outcomes.Count(outcome => outcome.Executed);
        InvestigationLog.Completed(logger, input.InvestigationId, executed, outcomes.Count);
        return record;
    }

    // Returns the plan the investigation ended with: the last re-planned one, or null when an update left the
    // incident without a plan.
    private static async Task<PlanSummary?> RespondAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<ActionOutcome> outcomes, List<ApprovalState> decisions, IncidentUpdateLog updates)
    {
        var current = plan;
        PlanSummary? final = plan;
        for (var replans = 0; ; replans++)
        {
            var needing = await RunPolicyAsync(context, input, current, outcomes);
            if (needing.Count == 0)
            {
                break;
            }

            var wait = await AskPersonAsync(context, input, current, needing, updates);
            decisions.Add(wait.State);
            if (wait.Replan is null)
            {
                await ApplyDecisionAsync(context, input, current, needing, wait.State, outcomes);
                break;
            }

            var replan = wait.Replan;
            if (!replan.ClosedAtProvider && replan.Plan is { } next && replans < MaxReplans)
            {
                current = next;
                final = next;
                continue;
            }

            var reasons = new List<string> { wait.State.WithdrawnReason ?? "the request was withdrawn" };
            if (!replan.ClosedAtProvider && replan.Plan is not null)
            {
                reasons.Add($"the plan changed more than {MaxReplans} times while waiting for approval, so no new request was made; review the incident");
            }
            else if (!replan.ClosedAtProvider)
            {
                final = null;
            }

            outcomes.AddRange(needing.Select(decision => NotRun(decision, "withdrawn", [.. decision.Reasons, .. reasons])));
            break;
        }

        await VerifyAsync(context, input, current, outcomes);
        return final;
    }

    // Evaluates the policy, runs or records the actions it decides alone, and returns those that need a person.
    // Actions already recorded under an earlier plan of this investigation keep their first outcome.
    private static async Task<List<PolicyDecision>> RunPolicyAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<ActionOutcome> outcomes)
    {
        SetStage(context, InvestigationStages.EvaluatingPolicy);
        var policy = await context.CallActivityAsync<PolicySummary>(nameof(EvaluatePolicyActivity), new PolicyRequest(input, plan.PlanHash));

        SetStage(context, InvestigationStages.RunningAutomaticActions);
        var recorded = outcomes.Select(outcome => outcome.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        foreach (var decision in policy.Decisions.Where(decision => !recorded.Contains(decision.IdempotencyKey)))
        {
            if (decision.Disposition == ActionDisposition.Block)
            {
                outcomes.Add(NotRun(decision, "blocked", decision.Reasons));
            }
            else if (decision.Disposition == ActionDisposition.AutoExecute && decision.ShadowOnly)
            {
                outcomes.Add(NotRun(decision, "shadow-only", decision.Reasons));
            }
            else if (decision.Disposition == ActionDisposition.AutoExecute)
            {
                outcomes.Add(await ExecuteAsync(context, input, plan, decision.IdempotencyKey, approvedByPerson: false));
            }
        }

        return [.. policy.Decisions.Where(decision => decision.Disposition == ActionDisposition.RequireApproval && !recorded.Contains(decision.IdempotencyKey))];
    }

    private static async Task<ApprovalWaitResult> AskPersonAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<PolicyDecision> needing, IncidentUpdateLog updates)
    {
        var logger = context.CreateReplaySafeLogger<InvestigationOrchestrator>();
        var approvalId = context.NewGuid().ToString("N");
        SetStage(context, InvestigationStages.AwaitingApproval, approvalId);

        var ticket = await context.CallActivityAsync<ApprovalTicket>(
            nameof(CreateApprovalActivity),
            new CreateApprovalRequest(input, approvalId, plan.PlanHash, [.. needing.Select(decision => decision.IdempotencyKey)], context.CurrentUtcDateTime));
        InvestigationLog.AwaitingApproval(logger, input.InvestigationId, approvalId, ticket.ExpiresAt);

        var result = await ApprovalWait.WaitAsync(context, input, ticket, updates);
        if (result.Replan is null)
        {
            InvestigationLog.ApprovalResolved(logger, input.InvestigationId, approvalId, result.State.Status);
        }
        else
        {
            InvestigationLog.ApprovalWithdrawn(logger, input.InvestigationId, approvalId, result.State.WithdrawnReason ?? "unknown");
        }

        return result;
    }

    private static async Task ApplyDecisionAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<PolicyDecision> needing, ApprovalState approval, List<ActionOutcome> outcomes)
    {
        if (approval.Status != ApprovalStatus.Approved)
        {
            var result = approval.Status == ApprovalStatus.Rejected ? "rejected" : "expired";
            var reason = approval.Status == ApprovalStatus.Rejected
                ? $"rejected by {approval.DecidedBy}"
                : "the approval request expired with no decision; no action taken";
            outcomes.AddRange(needing.Select(decision => NotRun(decision, result, [.. decision.Reasons, reason])));
            return;
        }

        SetStage(context, InvestigationStages.RunningApprovedActions);
        foreach (var decision in needing)
        {
            outcomes.Add(await ExecuteAsync(context, input, plan, decision.IdempotencyKey, approvedByPerson: true, approval.DecidedBy));
        }
    }

    private static async Task VerifyAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<ActionOutcome> outcomes)
    {
        SetStage(context, InvestigationStages.Verifying);
        var planned = plan.Actions.Select(action => action.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < outcomes.Count; index++)
        {
            var outcome = outcomes[index];

            // NOTE: status checks rebuild the plan from the stored incident, so an action of an earlier plan that the
            // current plan dropped cannot be checked, and an update stored during this stage fails the check.
            if (outcome.Status == ActionExecutionStatus.Pending && !planned.Contains(outcome.IdempotencyKey))
            {
                outcomes[index] = outcome with { Result = "unverified: the plan changed after an incident update, so the status was not checked" };
                continue;
            }
            for (var poll = 0; outcome.Status == ActionExecutionStatus.Pending && poll < plan.VerifyMaxPolls; poll++)
            {
                await context.CreateTimer(plan.VerifyPollInterval, CancellationToken.None);
                var checkedOutcome = await context.CallActivityAsync<ActionOutcome>(
                    nameof(VerifyActionActivity),
                    new VerifyActionRequest(input, outcome.IdempotencyKey, plan.PlanHash, outcome.ProviderActionId ?? string.Empty));
                outcome = checkedOutcome with { Disposition = outcome.Disposition };
            }

            if (outcome.Status == ActionExecutionStatus.Pending)
            {
                var escalateTo = await context.CallActivityAsync<string>(
                    nameof(EscalateUnverifiedActionActivity),
                    new EscalateActionRequest(input, outcome.IdempotencyKey, plan.PlanHash, outcome.ProviderActionId));
                outcome = outcome with { Result = $"unverified: still pending after the last status check; escalated to {escalateTo}" };
            }

            outcomes[index] = outcome;
        }
    }

    private static Task<ActionOutcome> ExecuteAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, string idempotencyKey, bool approvedByPerson, string? approvedBy = null) =>
        context.CallActivityAsync<ActionOutcome>(nameof(ExecuteActionActivity), new ExecuteActionRequest(input, idempotencyKey, plan.PlanHash, approvedByPerson, approvedBy), Retried);

    private static ActionOutcome NotRun(PolicyDecision decision, string result, IReadOnlyList<string> reasons) =>
        new(decision.IdempotencyKey, decision.Disposition, result, Executed: false, Status: null, ProviderActionId: null, reasons);

    private static void SetStage(TaskOrchestrationContext context, string stage, string? approvalId = null) =>
        context.SetCustomStatus(new InvestigationStatus(stage, approvalId));
}
