using System.Globalization;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>Input of <see cref="DecideVerdictActivity"/>.</summary>
public sealed record VerdictRequest(InvestigationInput Input, EnrichmentSummary Enrichment);

/// <summary>
/// Takes the verdict and score from the triage result and collects the evidence: the scorer's reasons, the alert
/// timeline and the enrichment results. Unresolved and failed lookups are listed as such, never as benign facts.
/// </summary>
public sealed class DecideVerdictActivity(InvestigationPlanner planner, IAuditLog audit) : TaskActivity<VerdictRequest, VerdictSummary>
{
    private const int MaxTimelineLines = 10;

    public override async Task<VerdictSummary> RunAsync(TaskActivityContext context, VerdictRequest input)
    {
        var stored = await planner.LoadAsync(input.Input).ConfigureAwait(false);
        var incident = stored.Incident;
        var policyContext = PolicyContext.FromIncident(input.Input.InvestigationId, incident, [.. stored.Alerts]);

        var evidence = new List<string>();
        evidence.AddRange(incident.Reasons.Select(reason => "Scorer: " + reason));
        evidence.AddRange(incident.Timeline.Take(MaxTimelineLines).Select(entry =>
            string.Create(CultureInfo.InvariantCulture, $"Alert {entry.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({entry.Severity}): {entry.Title}")));
        evidence.AddRange(input.Enrichment.Enrichments.Select(Describe));
        if (incident.Entities.Count == 0)
        {
            evidence.Add("The incident has no entities, so no entity action can be planned.");
        }

        var summary = new VerdictSummary(incident.Verdict, policyContext.Confidence, incident.Score, evidence);
        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "decision", "verdict", "triage-scorer", VerdictNames.Name(summary.Verdict), new()
        {
            ["score"] = summary.Score.ToString(CultureInfo.InvariantCulture),
            ["confidence"] = summary.Confidence?.ToString("0.###", CultureInfo.InvariantCulture) ?? "unknown",
            ["evidence"] = evidence.Count.ToString(CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
        return summary;
    }

    private static string Describe(EntityEnrichment enrichment) => enrichment.Status switch
    {
        EnrichmentStatus.Resolved => $"Enrichment {enrichment.Source}: {enrichment.EntityKey} resolved ({string.Join(", ", enrichment.Facts.Select(pair => pair.Key + "=" + pair.Value).Take(4))})",
        EnrichmentStatus.Unresolved => $"Enrichment {enrichment.Source}: {enrichment.EntityKey} unresolved ({enrichment.Message ?? "not known to the source"})",
        _ => $"Enrichment {enrichment.Source}: {enrichment.EntityKey} lookup failed ({enrichment.Message ?? "no reason given"})",
    };
}
