using System.Globalization;

namespace AiSoc.Core.Baselines;

/// <summary>Formats baseline facts for anomaly reasons and evidence.</summary>
internal static class BaselineText
{
    private const int MaxListed = 5;

    /// <summary>Lists the most frequent values with their counts, such as "US (12), BE (3)", or "none".</summary>
    public static string Counts(IReadOnlyDictionary<string, long> counts)
    {
        if (counts.Count == 0)
        {
            return "none";
        }

        var listed = counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxListed)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} ({pair.Value})"));
        var text = string.Join(", ", listed);

        return counts.Count > MaxListed
            ? string.Create(CultureInfo.InvariantCulture, $"{text} and {counts.Count - MaxListed} more")
            : text;
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
