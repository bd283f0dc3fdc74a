using AiSoc.Core.Audit;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>Loads the incident from the store and returns its shape.</summary>
public sealed class GatherContextActivity(InvestigationPlanner planner, IAuditLog audit) : TaskActivity<InvestigationInput, ContextSummary>
{
    public override async Task<ContextSummary> RunAsync(TaskActivityContext context, InvestigationInput input)
    {
        var stored = await planner.LoadAsync(input).ConfigureAwait(false);
        var incident = stored.Incident;
        var summary = new ContextSummary(incident.Id, incident.Title, stored.Alerts.Count, incident.Entities.Count, incident.Sources, incident.LastActivityAt);

        await AuditWriter.AppendAsync(audit, input.InvestigationId, "step", "context-gathered", "investigation", "succeeded", new()
        {
            ["incidentId"] = incident.Id,
            ["alerts"] = summary.AlertCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["entities"] = summary.EntityCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
        return summary;
    }
}
