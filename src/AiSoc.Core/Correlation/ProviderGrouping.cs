using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Puts the alerts of each provider incident into one set before any entity link, so that neither the time window
/// nor the maximum incident size can split a provider incident.
/// </summary>
internal static class ProviderGrouping
{
    /// <summary>
    /// Joins alerts that share a source and provider incident id, and alerts that a <see cref="ProviderIncident"/>
    /// lists. Returns, per alert index, the provider incident ids that only a record (not the alert itself) gave.
    /// </summary>
    public static Dictionary<int, List<string>> Join(NormalizedAlert[] alerts, IReadOnlyList<ProviderIncident> incidents, UnionFind sets)
    {
        var firstAlertByIncident = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < alerts.Length; a++)
        {
            if (alerts[a].ProviderIncidentId is not { } incidentId)
            {
                continue;
            }

            var key = IncidentKey(alerts[a].Source, incidentId);
            if (firstAlertByIncident.TryGetValue(key, out var first))
            {
                sets.Union(first, a);
            }
            else
            {
                firstAlertByIncident.Add(key, a);
            }
        }

        var listedIds = new Dictionary<int, List<string>>();
        if (incidents.Count == 0)
        {
            return listedIds;
        }

        var indexById = new Dictionary<string, int>(alerts.Length, StringComparer.Ordinal);
        for (var a = 0; a < alerts.Length; a++)
        {
            indexById[alerts[a].Id] = a;
        }

        foreach (var incident in incidents)
        {
            var anchor = firstAlertByIncident.GetValueOrDefault(IncidentKey(incident.Source, incident.ProviderIncidentId), -1);
            foreach (var providerAlertId in incident.ProviderAlertIds)
            {
                // Alert ids derive from the provider alert id alone, so this finds the alert whatever channel carried it.
                if (!indexById.TryGetValue(StableIds.ForAlert(providerAlertId), out var a))
                {
                    continue;
                }

                anchor = anchor < 0 ? a : anchor;
                sets.Union(anchor, a);
                if (alerts[a].ProviderIncidentId != incident.ProviderIncidentId)
                {
                    AddListedId(listedIds, a, incident.ProviderIncidentId);
                }
            }
        }

        return listedIds;
    }

    private static string IncidentKey(string source, string incidentId) => source + "\n" + incidentId;

    private static void AddListedId(Dictionary<int, List<string>> listedIds, int alert, string incidentId)
    {
        if (!listedIds.TryGetValue(alert, out var ids))
        {
            ids = [];
            listedIds.Add(alert, ids);
        }

        if (!ids.Contains(incidentId))
        {
            ids.Add(incidentId);
        }
    }
}
