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
            await RespondAsync(context, input, plan, outcomes, decisions);
        }

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
            StartedAt = startedAt,
            CompletedAt = context.CurrentUtcDateTime,
        };
        await context.CallActivityAsync<string>(nameof(WriteCaseRecordActivity), record);

        SetStage(context, InvestigationStages.Completed);
        var executed = outcomes.Count(outcome => outcome.Executed);
        InvestigationLog.Completed(logger, input.InvestigationId, executed, outcomes.Count);
        return record;
    }

    private static async Task RespondAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<ActionOutcome> outcomes, List<ApprovalState> decisions)
    {
        SetStage(context, InvestigationStages.EvaluatingPolicy);
        var policy = await context.CallActivityAsync<PolicySummary>(nameof(EvaluatePolicyActivity), new PolicyRequest(input, plan.PlanHash));

        SetStage(context, InvestigationStages.RunningAutomaticActions);
        foreach (var decision in policy.Decisions)
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

        var needing = policy.Decisions.Where(decision => decision.Disposition == ActionDisposition.RequireApproval).ToList();
        if (needing.Count > 0)
        {
            var approval = await AskPersonAsync(context, input, plan, needing);
            decisions.Add(approval);
            await ApplyDecisionAsync(context, input, plan, needing, approval, outcomes);
        }

        await VerifyAsync(context, input, plan, outcomes);
    }

    private static async Task<ApprovalState> AskPersonAsync(TaskOrchestrationContext context, InvestigationInput input, PlanSummary plan, List<PolicyDecision> needing)
    {
        var logger = context.CreateReplaySafeLogger<InvestigationOrchestrator>();
        var approvalId = context.NewGuid().ToString("N");
        SetStage(context, InvestigationStages.AwaitingApproval, approvalId);

        var ticket = await context.CallActivityAsync<ApprovalTicket>(
            nameof(CreateApprovalActivity),
            new CreateApprovalRequest(input, approvalId, plan.PlanHash, [.. needing.Select(decision => decision.IdempotencyKey)], context.CurrentUtcDateTime));
        InvestigationLog.AwaitingApproval(logger, input.InvestigationId, approvalId, ticket.ExpiresAt);

        var state = await ApprovalWait.WaitAsync(context, input, ticket);
        InvestigationLog.ApprovalResolved(logger, input.InvestigationId, approvalId, state.Status);
        return state;
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
        for (var index = 0; index < outcomes.Count; index++)
        {
            var outcome = outcomes[index];
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
