using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Folds versions of the same provider alert (re-exports, incident updates that changed TimeGenerated or
/// lastUpdateDateTime) into one: the newest version wins, and among equal versions the one read last.
/// The winner keeps the entities, tactics and techniques of every version, because a newer copy from another
/// channel (an incident trigger, say) often carries less evidence than the original.
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
                byId[alert.Id] = Merge(existing, alert);
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

    /// <summary>
    /// Folds two versions of one alert with the rule of <see cref="Deduplicate(IEnumerable{NormalizedAlert})"/>: a full
    /// version beats an evidence-only one, else the newer <see cref="NormalizedAlert.VersionTime"/> wins, and on a tie
    /// <paramref name="existing"/> wins unless <paramref name="candidate"/> comes later by raw record. The winner gets the
    /// loser's entities, tactics, techniques and provider incident id added in place and is returned; the loser is
    /// not modified. Stores use this to join versions that arrive in different batches.
    /// </summary>
    /// <param name="existing">The version read or stored first.</param>
    /// <param name="candidate">The version read later.</param>
    /// <exception cref="ArgumentException">The two alerts have different <see cref="NormalizedAlert.Id"/> values.</exception>
    public static NormalizedAlert Merge(NormalizedAlert existing, NormalizedAlert candidate)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!string.Equals(existing.Id, candidate.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot merge alert {candidate.Id} into alert {existing.Id}: only versions of the same alert id are merged.", nameof(candidate));
        }

        var (winner, loser) = IsNewer(candidate, existing) ? (candidate, existing) : (existing, candidate);
        MergeEvidence(winner, loser);
        return winner;
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

    private static void MergeEvidence(NormalizedAlert winner, NormalizedAlert loser)
    {
        winner.ProviderIncidentId ??= loser.ProviderIncidentId;
        winner.IsEvidenceOnly &= loser.IsEvidenceOnly;
        winner.Entities = UnionEntities(winner.Entities, loser.Entities);
        winner.Tactics = Union(winner.Tactics, loser.Tactics);
        winner.Techniques = Union(winner.Techniques, loser.Techniques);
    }

    // An entity of the older version is added only when no entity of the winner shares one of its keys, so the
    // same user seen by two channels is listed once.
    private static IReadOnlyList<Entity> UnionEntities(IReadOnlyList<Entity> winner, IReadOnlyList<Entity> loser)
    {
        if (loser.Count == 0 || ReferenceEquals(winner, loser))
        {
            return winner;
        }

        var keys = new HashSet<string>(winner.SelectMany(e => e.GetKeys()).Select(k => k.Value), StringComparer.Ordinal);
        var result = winner.ToList();
        foreach (var entity in loser)
        {
            var entityKeys = entity.GetKeys().Select(k => k.Value).ToList();
            var isKnown = entityKeys.Count > 0 ? entityKeys.Exists(keys.Contains) : result.Contains(entity);
            if (!isKnown)
            {
                result.Add(entity);
                keys.UnionWith(entityKeys);
            }
        }

        return result;
    }

    private static IReadOnlyList<T> Union<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        if (second.Count == 0 || ReferenceEquals(first, second))
        {
            return first;
        }

        return first.Count == 0 ? second : first.Union(second).ToArray();
    }

    // A full version always beats an evidence-only part of the same alert, whatever their times.
    private static bool IsNewer(NormalizedAlert candidate, NormalizedAlert existing)
    {
        if (candidate.IsEvidenceOnly != existing.IsEvidenceOnly)
        {
            return existing.IsEvidenceOnly;
        }

        return Compare(candidate.VersionTime, candidate.Raw, existing.VersionTime, existing.Raw) > 0;
    }

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
