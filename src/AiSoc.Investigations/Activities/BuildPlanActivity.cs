using System.Globalization;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>Builds the response plan from the matching playbook; returns null for a benign incident without one.</summary>
public sealed class BuildPlanActivity(InvestigationPlanner planner, InvestigationOptions options, IAuditLog audit) : TaskActivity<InvestigationInput, PlanSummary?>
{
    public override async Task<PlanSummary?> RunAsync(TaskActivityContext context, InvestigationInput input)
    {
        var stored = await planner.LoadAsync(input).ConfigureAwait(false);
        var plan = planner.BuildPlan(input, stored);
        if (plan is null)
        {
            await AuditWriter.AppendAsync(audit, input.InvestigationId, "step", "plan-built", "playbooks", "no plan: benign incident without a matching playbook").ConfigureAwait(false);
            return null;
        }

        var summary = Summarize(plan, options);

        await AuditWriter.AppendAsync(audit, input.InvestigationId, "step", "plan-built", "playbooks", "succeeded", new()
        {
            ["playbook"] = plan.PlaybookId,
            ["planHash"] = plan.PlanHash,
            ["actions"] = plan.Actions.Count.ToString(CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Converts <paramref name="plan"/> to the form the orchestration keeps in its history.</summary>
    internal static PlanSummary Summarize(ResponsePlan plan, InvestigationOptions options) => new(
        plan.PlaybookId,
        plan.PlanHash,
        [.. plan.Actions.Select(action => new PlannedAction(action.IdempotencyKey, ActionCatalog.Name(action.Type), action.Target.Kind, action.Target.Id, action.Target.DisplayName, action.Impact))],
        plan.PlaybookId == InvestigationPlanner.HumanReviewPlaybookId,
        options.VerifyPollInterval,
        options.VerifyMaxPolls);
}
