using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Re-checks one action with the policy and time of this moment, then runs it through
/// <see cref="IResponseActionExecutor"/>. The executor is idempotent on the action's key, so a retry of this
/// activity after a lost response cannot run the action twice.
/// </summary>
public sealed class ExecuteActionActivity(
    InvestigationPlanner planner,
    ResponsePolicySource policySource,
    IActionRateCounter rateCounter,
    IResponseActionExecutor executor,
    InvestigationOptions options,
    TimeProvider timeProvider,
    IAuditLog audit,
    ILoggerFactory loggerFactory) : TaskActivity<ExecuteActionRequest, ActionOutcome>
{
    public override async Task<ActionOutcome> RunAsync(TaskActivityContext context, ExecuteActionRequest input)
    {
        var (stored, plan) = await planner.RebuildAsync(input.Input, input.PlanHash).ConfigureAwait(false);
        var action = plan.Actions.Single(candidate => candidate.IdempotencyKey == input.IdempotencyKey);
        var disposition = input.ApprovedByPerson ? ActionDisposition.RequireApproval : ActionDisposition.AutoExecute;

        var policy = new ResponsePolicy(policySource.Current, rateCounter, timeProvider, loggerFactory.CreateLogger<ResponsePolicy>());
        var policyContext = PolicyContext.FromIncident(input.Input.InvestigationId, stored.Incident, [.. stored.Alerts]);
        var check = policy.RecheckBeforeExecution(action, policyContext, input.ApprovedByPerson, policySource.Current, timeProvider.GetUtcNow());
        if (check.Clearance != ExecutionClearance.Execute)
        {
            var result = ClearanceResult(check.Clearance);
            await AuditAsync(input, action, "policy-recheck", result, check.Reasons).ConfigureAwait(false);
            return new ActionOutcome(action.IdempotencyKey, disposition, result, Executed: false, Status: null, ProviderActionId: null, check.Reasons);
        }

        var execution = executor is IAttributedActionExecutor attributed
            ? await attributed.ExecuteAsync(action, Actor(input), options.DryRun, CancellationToken.None).ConfigureAwait(false)
            : await executor.ExecuteAsync(action, options.DryRun, CancellationToken.None).ConfigureAwait(false);
        var reasons = new List<string>(check.Reasons);
        if (execution.Message is not null)
        {
            reasons.Add(execution.Message);
        }

        var outcome = ExecutionResult(execution.Status);
        await AuditAsync(input, action, ActionCatalog.Name(action.Type), outcome, reasons).ConfigureAwait(false);
        return new ActionOutcome(action.IdempotencyKey, disposition, outcome, Executed: true, execution.Status, execution.ProviderActionId, reasons);
    }

    private static string Actor(ExecuteActionRequest input) =>
        input.ApprovedByPerson && !string.IsNullOrWhiteSpace(input.ApprovedBy) ? input.ApprovedBy : IAttributedActionExecutor.PolicyActor;

    internal static string ExecutionResult(ActionExecutionStatus status) => status switch
    {
        ActionExecutionStatus.Succeeded or ActionExecutionStatus.AlreadyInDesiredState => "executed",
        ActionExecutionStatus.DryRun => "executed (dry run)",
        ActionExecutionStatus.Pending => "pending",
        ActionExecutionStatus.ManualTask => "manual task for a person",
        _ => "failed",
    };

    private static string ClearanceResult(ExecutionClearance clearance) => clearance switch
    {
        ExecutionClearance.Blocked => "blocked at re-check",
        ExecutionClearance.ShadowOnly => "shadow-only at re-check",
        _ => "not run: needs approval",
    };

    private Task AuditAsync(ExecuteActionRequest input, ProposedAction action, string name, string outcome, IReadOnlyList<string> reasons) =>
        AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "action", name, input.ApprovedByPerson ? "approved-action" : "automatic-action", outcome, new()
        {
            ["action"] = action.IdempotencyKey,
            ["dryRun"] = options.DryRun ? "true" : "false",
            ["reasons"] = string.Join("; ", reasons),
        });
}
