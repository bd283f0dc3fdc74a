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

        var ordered = latest.ToArray();
        Array.Sort(ordered, static (x, y) =>
        {
            var byTime = x.ActivityTime.UtcTicks.CompareTo(y.ActivityTime.UtcTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        });

        return ordered;
    }
}
