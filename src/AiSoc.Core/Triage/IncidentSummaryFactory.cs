using System.Globalization;
using AiSoc.Core.Correlation;
using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Triage;

/// <summary>Builds incident summaries from correlated incidents and their scored alerts.</summary>
internal static class IncidentSummaryFactory
{
    /// <summary>
    /// Returns the summaries ordered by score, then severity, then first activity. Entities that a provider incident
    /// lists on itself (Sentinel's related entities) join the correlated incident that contains its alerts. A
    /// provider incident none of whose alerts were read becomes an incident of its own, so no incident record is
    /// lost from the output.
    /// </summary>
    public static List<IncidentSummary> Create(
        IReadOnlyList<CorrelatedIncident> incidents,
        IReadOnlyDictionary<string, NormalizedAlert> alertsById,
        IReadOnlyList<ProviderIncident> providerIncidents)
    {
        var providerById = providerIncidents
            .GroupBy(p => p.ProviderIncidentId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var matched = new HashSet<ProviderIncident>(ReferenceEqualityComparer.Instance);

        var summaries = new List<IncidentSummary>(incidents.Count);
        foreach (var incident in incidents)
        {
            var providers = incident.ProviderIncidentIds
                .SelectMany(id => providerById.GetValueOrDefault(id) ?? [])
                .ToList();
            matched.UnionWith(providers);

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
                Entities = WithProviderEntities(incident.Entities, providers),
                Reasons = top.Reasons,
                HeldBackEntities = incident.HeldBackEntities,
            });
        }

        foreach (var provider in providerIncidents.Where(p => !matched.Contains(p)))
        {
            summaries.Add(FromProviderIncidentAlone(provider));
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

    private static IReadOnlyList<Entity> WithProviderEntities(IReadOnlyList<Entity> entities, List<ProviderIncident> providers)
    {
        if (providers.All(p => p.Entities.Count == 0))
        {
            return entities;
        }

        var keys = new HashSet<string>(entities.SelectMany(e => e.GetKeys()).Select(k => k.Value), StringComparer.Ordinal);
        var merged = entities.ToList();
        foreach (var entity in providers.SelectMany(p => p.Entities))
        {
            var entityKeys = entity.GetKeys().Select(k => k.Value).ToList();
            var isKnown = entityKeys.Count > 0 ? entityKeys.Exists(keys.Contains) : merged.Contains(entity);
            if (!isKnown)
            {
                merged.Add(entity);
                keys.UnionWith(entityKeys);
            }
        }

        return merged;
    }

    // A provider incident whose alerts are not in the input still reaches the output, for a person to look at: with
    // no alert to score, its verdict is needs-context.
    private static IncidentSummary FromProviderIncidentAlone(ProviderIncident provider)
    {
        var time = provider.CreatedAt ?? provider.LastUpdatedAt ?? DateTimeOffset.UnixEpoch;
        return new IncidentSummary
        {
            Id = StableIds.ForIncident(["provider|" + provider.Source + "|" + provider.ProviderIncidentId]),
            Title = provider.Title ?? "Incident " + provider.ProviderIncidentId,
            Severity = provider.Severity,
            Score = 0,
            Verdict = Verdict.NeedsContext,
            FirstActivityAt = time,
            LastActivityAt = provider.LastUpdatedAt ?? time,
            AlertIds = [],
            Tactics = provider.Tactics,
            Techniques = [],
            Sources = [provider.Source],
            ProviderIncidentIds = [provider.ProviderIncidentId],
            Timeline = [],
            Entities = provider.Entities,
            Reasons = [DescribeMissingAlerts(provider.ProviderAlertIds.Count)],
            HeldBackEntities = [],
        };
    }

    private static string DescribeMissingAlerts(int listed) => listed switch
    {
        0 => "Needs context: the provider incident record carries no alerts, so nothing was scored",
        1 => "Needs context: the one alert the provider incident lists was not in the input",
        _ => string.Create(CultureInfo.InvariantCulture, $"Needs context: none of the {listed} alerts the provider incident lists was in the input"),
    };

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
