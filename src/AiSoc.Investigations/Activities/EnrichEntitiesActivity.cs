using System.Globalization;
using AiSoc.Core.Audit;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>Looks up the incident's entities through <see cref="IEntityEnricher"/>. A thrown error is retried by the orchestration.</summary>
public sealed class EnrichEntitiesActivity(InvestigationPlanner planner, IEntityEnricher enricher, IAuditLog audit) : TaskActivity<InvestigationInput, EnrichmentSummary>
{
    public override async Task<EnrichmentSummary> RunAsync(TaskActivityContext context, InvestigationInput input)
    {
        var stored = await planner.LoadAsync(input).ConfigureAwait(false);
        var enrichments = await enricher.EnrichAsync(input.InvestigationId, stored.Incident.Entities, CancellationToken.None).ConfigureAwait(false);
        var summary = new EnrichmentSummary(enrichments);

        await AuditWriter.AppendAsync(audit, input.InvestigationId, "step", "entities-enriched", "entity-enricher", "succeeded", new()
        {
            ["resolved"] = summary.Resolved.ToString(CultureInfo.InvariantCulture),
            ["unresolved"] = summary.Unresolved.ToString(CultureInfo.InvariantCulture),
            ["failed"] = summary.Failed.ToString(CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
        return summary;
    }
}
