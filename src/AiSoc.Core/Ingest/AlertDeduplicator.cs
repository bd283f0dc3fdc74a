using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Folds versions of the same provider alert (re-exports, incident updates that changed TimeGenerated or
/// lastUpdateDateTime) into one: the newest version wins, and among equal versions the one read last.
/// Provider incidents fold the same way and keep every alert id any version listed.
/// </summary>
public static class AlertDeduplicator
{
    /// <summary>Returns the newest version of each alert and how many versions were dropped.</summary>
    public static (List<NormalizedAlert> Alerts, long Merged) Deduplicate(IEnumerable<NormalizedAlert> alerts)
    {
        var byId = new Dictionary<string, NormalizedAlert>(StringComparer.Ordinal);
        long merged = 0;
        foreach (var alert in alerts)
        {
            if (byId.TryGetValue(alert.Id, out var existing))
            {
                merged++;
                if (IsNewer(alert, existing))
                {
                    alert.ProviderIncidentId ??= existing.ProviderIncidentId;
                    byId[alert.Id] = alert;
                }
                else
                {
                    existing.ProviderIncidentId ??= alert.ProviderIncidentId;
                }
            }
            else
            {
                byId.Add(alert.Id, alert);
            }
        }

        var result = byId.Values.ToList();
        result.Sort(static (a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : string.CompareOrdinal(a.Id, b.Id));
        return (result, merged);
    }

    /// <summary>Returns the newest version of each provider incident, with the union of the alert ids.</summary>
    public static List<ProviderIncident> Deduplicate(IEnumerable<ProviderIncident> incidents)
    {
        var byKey = new Dictionary<string, ProviderIncident>(StringComparer.OrdinalIgnoreCase);
        foreach (var incident in incidents)
        {
            var key = incident.Source + "|" + incident.ProviderIncidentId;
            if (!byKey.TryGetValue(key, out var existing))
            {
                byKey.Add(key, incident);
                continue;
            }

            var newer = Compare(incident.LastUpdatedAt ?? incident.CreatedAt, incident.Raw, existing.LastUpdatedAt ?? existing.CreatedAt, existing.Raw) > 0
                ? incident
                : existing;
            byKey[key] = newer with
            {
                ProviderAlertIds = existing.ProviderAlertIds.Union(incident.ProviderAlertIds, StringComparer.OrdinalIgnoreCase).ToArray(),
            };
        }

        return byKey.Values.OrderBy(i => i.Source, StringComparer.Ordinal).ThenBy(i => i.ProviderIncidentId, StringComparer.Ordinal).ToList();
    }

    private static bool IsNewer(NormalizedAlert candidate, NormalizedAlert existing) =>
        Compare(candidate.VersionTime, candidate.Raw, existing.VersionTime, existing.Raw) > 0;

    private static int Compare(DateTimeOffset? time, RawRecordRef raw, DateTimeOffset? otherTime, RawRecordRef otherRaw)
    {
        var byTime = Nullable.Compare(time, otherTime);
        if (byTime != 0)
        {
            return byTime;
        }

        var byFile = string.CompareOrdinal(raw.File, otherRaw.File);
        if (byFile != 0)
        {
            return byFile;
        }

        var byRecord = raw.Record.CompareTo(otherRaw.Record);
        return byRecord != 0 ? byRecord : Nullable.Compare(raw.Item, otherRaw.Item);
    }
}
