using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>Prepares the input of correlation: one version per alert id, in a fixed order.</summary>
internal static class AlertOrdering
{
    /// <summary>
    /// Keeps the latest version (by <see cref="NormalizedAlert.VersionTime"/>, later input on ties) of each alert id and
    /// sorts by activity time, then id. Every later pass relies on this order: a lower index never has a later time.
    /// </summary>
    public static NormalizedAlert[] LatestVersionsInTimeOrder(IReadOnlyList<NormalizedAlert> alerts)
    {
        var positions = new Dictionary<string, int>(alerts.Count, StringComparer.Ordinal);
        var latest = new List<NormalizedAlert>(alerts.Count);
        foreach (var alert in alerts)
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            if (!positions.TryGetValue(alert.Id, out var position))
            {
                positions.Add(alert.Id, latest.Count);
                latest.Add(alert);
            }
            else if (alert.VersionTime >= latest[position].VersionTime)
            {
                latest[position] = alert;
            }
        }

        // Sorting primitive keys is much faster than a comparison delegate; equal times are then ordered by id.
        var ordered = latest.ToArray();
        var ticks = new long[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            ticks[i] = ordered[i].ActivityTime.UtcTicks;
        }

        Array.Sort(ticks, ordered);
        for (var start = 0; start < ordered.Length;)
        {
            var end = start + 1;
            while (end < ordered.Length && ticks[end] == ticks[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(ordered, start, end - start, AlertIdComparer.Instance);
            }

            start = end;
        }

        return ordered;
    }
}

/// <summary>Orders alerts by id, ordinally.</summary>
internal sealed class AlertIdComparer : IComparer<NormalizedAlert>
{
    public static AlertIdComparer Instance { get; } = new();

    public int Compare(NormalizedAlert? x, NormalizedAlert? y) => string.CompareOrdinal(x?.Id, y?.Id);
}
