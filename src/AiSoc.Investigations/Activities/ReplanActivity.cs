using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Reloads the incident after an update that arrived while an approval request was pending, and builds its plan
/// again. The orchestration compares the new plan hash with the pending request's and withdraws the request when
/// it changed or when the provider closed the incident.
/// </summary>
public sealed class ReplanActivity(InvestigationPlanner planner, InvestigationOptions options, IAuditLog audit) : TaskActivity<ReplanRequest, ReplanResult>
{
    public override async Task<ReplanResult> RunAsync(TaskActivityContext context, ReplanRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var stored = await planner.LoadAsync(input.Input).ConfigureAwait(false);
        if (stored.IsClosedAtProvider)
        {
            await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "step", "incident-updated", "investigation", "closed at the provider", new()
            {
                ["providerStatus"] = stored.ProviderStatus ?? "none",
                ["planHash"] = input.PlanHash,
            }).ConfigureAwait(false);
            return new ReplanResult(ClosedAtProvider: true, Plan: null);
        }

        var plan = planner.BuildPlan(input.Input, stored);
        var summary = plan is null ? null : BuildPlanActivity.Summarize(plan, options);
        var changed = !string.Equals(summary?.PlanHash, input.PlanHash, StringComparison.Ordinal);

        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "step", "incident-updated", "playbooks", changed ? "plan changed" : "plan unchanged", new()
        {
            ["previousPlanHash"] = input.PlanHash,
            ["planHash"] = summary?.PlanHash ?? "none",
        }).ConfigureAwait(false);
        return new ReplanResult(ClosedAtProvider: false, summary);
    }
}
