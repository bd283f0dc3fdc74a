using AiSoc.Core.Correlation;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Triage;

/// <summary>Builds incident summaries from correlated incidents and their scored alerts.</summary>
internal static class IncidentSummaryFactory
{
    /// <summary>Returns the summaries ordered by score, then severity, then first activity.</summary>
    public static List<IncidentSummary> Create(IReadOnlyList<CorrelatedIncident> incidents, IReadOnlyDictionary<string, NormalizedAlert> alertsById)
    {
        var summaries = new List<IncidentSummary>(incidents.Count);
        foreach (var incident in incidents)
        {
            var alerts = incident.AlertIds.Select(id => alertsById[id]).ToList();
            var top = alerts.OrderByDescending(a => a.Score).ThenByDescending(a => a.Severity).First();

            summaries.Add(new IncidentSummary
            {
                Id = incident.Id,
                Title = incident.Title,
                Severity = incident.Severity,
                Score = top.Score,
                Verdict = StrongestVerdict(alerts),
                FirstActivityAt = incident.FirstActivityAt,
                LastActivityAt = incident.LastActivityAt,
                AlertIds = incident.AlertIds,
                Tactics = incident.Tactics,
                Techniques = alerts.SelectMany(a => a.Techniques).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                Sources = alerts.Select(a => a.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                ProviderIncidentIds = incident.ProviderIncidentIds,
                Timeline = incident.Alerts,
                Entities = incident.Entities,
                Reasons = top.Reasons,
                HeldBackEntities = incident.HeldBackEntities,
            });
        }

        summaries.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var bySeverity = b.Severity.CompareTo(a.Severity);
            return bySeverity != 0 ? bySeverity : a.FirstActivityAt.CompareTo(b.FirstActivityAt);
        });
        return summaries;
    }

    // Malicious outranks suspicious; needs-context outranks benign because it must reach a human.
    private static Verdict StrongestVerdict(List<NormalizedAlert> alerts) =>
        alerts.Select(a => a.Verdict).OrderByDescending(Rank).First();

    private static int Rank(Verdict verdict) => verdict switch
    {
        Verdict.Malicious => 3,
        Verdict.Suspicious => 2,
        Verdict.NeedsContext => 1,
        _ => 0,
    };
}
