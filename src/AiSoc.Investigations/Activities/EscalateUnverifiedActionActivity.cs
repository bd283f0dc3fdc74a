using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Runs when an action is still pending at the provider after the last status check
/// (<see cref="InvestigationOptions.VerifyMaxPolls"/> checks, <see cref="InvestigationOptions.VerifyPollInterval"/>
/// apart): records it and notifies the action's escalation target, so a person confirms the containment by hand.
/// </summary>
public sealed class EscalateUnverifiedActionActivity(InvestigationPlanner planner, INotifier notifier, IAuditLog audit) : TaskActivity<EscalateActionRequest, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, EscalateActionRequest input)
    {
        var (_, plan) = await planner.RebuildAsync(input.Input, input.PlanHash).ConfigureAwait(false);
        var action = plan.Actions.Single(candidate => candidate.IdempotencyKey == input.IdempotencyKey);
        var provider = input.ProviderActionId ?? "none";

        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "action", "unverified-" + ActionCatalog.Name(action.Type), "investigation", "escalated", new()
        {
            ["action"] = action.IdempotencyKey,
            ["providerActionId"] = provider,
            ["escalateTo"] = action.EscalateTo,
        }).ConfigureAwait(false);

        await notifier.NotifyAsync(new InvestigationNotice(
            NoticeKind.ActionUnverified,
            input.Input.InvestigationId,
            ApprovalId: string.Empty,
            action.EscalateTo,
            $"{ActionCatalog.Name(action.Type)} on {action.Target.Key} is still pending at the provider (action {provider}) after the last status check. Confirm the containment by hand.",
            input.PlanHash)).ConfigureAwait(false);
        return action.EscalateTo;
    }
}
