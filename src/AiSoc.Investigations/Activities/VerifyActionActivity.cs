using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>Asks the executor for the current state of an action it left pending.</summary>
public sealed class VerifyActionActivity(InvestigationPlanner planner, IResponseActionExecutor executor, IAuditLog audit) : TaskActivity<VerifyActionRequest, ActionOutcome>
{
    public override async Task<ActionOutcome> RunAsync(TaskActivityContext context, VerifyActionRequest input)
    {
        var (_, plan) = await planner.RebuildAsync(input.Input, input.PlanHash).ConfigureAwait(false);
        var action = plan.Actions.Single(candidate => candidate.IdempotencyKey == input.IdempotencyKey);
        var status = await executor.GetStatusAsync(action, input.ProviderActionId, CancellationToken.None).ConfigureAwait(false);
        var result = ExecuteActionActivity.ExecutionResult(status.Status);

        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "action", "verify-" + ActionCatalog.Name(action.Type), "executor", result, new()
        {
            ["action"] = action.IdempotencyKey,
            ["providerActionId"] = input.ProviderActionId,
        }).ConfigureAwait(false);
        return new ActionOutcome(action.IdempotencyKey, ActionDisposition.AutoExecute, result, Executed: true, status.Status, status.ProviderActionId ?? input.ProviderActionId, status.Message is null ? [] : [status.Message]);
    }
}
