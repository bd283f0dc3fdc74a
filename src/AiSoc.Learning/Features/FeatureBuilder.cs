using System.Globalization;
using AiSoc.Learning.Data;

namespace AiSoc.Learning.Features;

/// <summary>Turns a <see cref="TriageAlert"/> into the float vector that <see cref="FeatureLayout.FeatureNames"/> describes.</summary>
public sealed class FeatureBuilder
{
    private readonly FeatureLayout _layout;
    private readonly Dictionary<string, int> _techniqueIndex;
    private readonly Dictionary<string, int> _categoryIndex;
    private readonly Dictionary<string, int> _entityTypeIndex;

    public FeatureBuilder(FeatureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _techniqueIndex = IndexOf(layout.Techniques);
        _categoryIndex = IndexOf(layout.Categories);
        _entityTypeIndex = IndexOf(layout.EntityTypes);
        Length = layout.FeatureNames().Count;
    }

    /// <summary>Number of features in each vector.</summary>
    public int Length { get; }

    /// <summary>
    /// Builds the vector of <paramref name="alert"/>. History features come from <paramref name="history"/> at the
    /// alert's time; with no history they read as zero past incidents.
    /// </summary>
    public float[] Build(TriageAlert alert, VerdictHistory? history)
    {
        ArgumentNullException.ThrowIfNull(alert);

        var vector = new float[Length];
        var i = 0;
        vector[i++] = CodeOf(alert.DetectorId);
        vector[i++] = CodeOf(alert.AlertTitle);
        vector[i++] = (float)alert.Severity;
        vector[i++] = alert.RuleScore ?? -1;
        vector[i++] = alert.AnomalyScore is { } anomaly ? (float)anomaly : -1;
        vector[i++] = alert.Techniques.Count;

        foreach (var technique in alert.Techniques)
        {
            if (_techniqueIndex.TryGetValue(technique, out var offset))
            {
                vector[i + offset] = 1;
            }
        }

        i += _layout.Techniques.Count;
        if (_categoryIndex.TryGetValue(alert.Category, out var category))
        {
            vector[i + category] = 1;
        }

        i += _layout.Categories.Count;
        foreach (var (type, count) in alert.EntityTypeCounts)
        {
            if (_entityTypeIndex.TryGetValue(type, out var offset))
            {
                vector[i + offset] = count;
            }
        }

        i += _layout.EntityTypes.Count;
        vector[i++] = alert.ImpactedCount;
        vector[i++] = alert.RelatedCount;
        vector[i++] = alert.SuspiciousCount;
        vector[i++] = alert.IncriminatedCount;
        vector[i++] = alert.LastVerdictMaliciousCount;
        vector[i++] = alert.LastVerdictSuspiciousCount;
        vector[i++] = alert.LastVerdictNoThreatsFoundCount;
        vector[i++] = alert.Time.UtcDateTime.Hour;
        vector[i++] = (float)alert.Time.UtcDateTime.DayOfWeek;
        vector[i++] = alert.EvidenceCount;
        vector[i++] = alert.IncidentAlertsSoFar;
        vector[i++] = alert.IncidentEvidenceSoFar;

        if (_layout.IncludeHistory)
        {
            var detector = history?.ForDetector(alert.DetectorId, alert.Time) ?? default;
            var org = history?.ForOrg(alert.OrgId, alert.Time) ?? default;
            i = WriteRates(vector, i, detector);
            WriteRates(vector, i, org);
        }

        return vector;
    }

    /// <summary>
    /// Maps an id to a number. GUIDE ids are integer codes and keep their value; other ids (rule GUIDs, alert types)
    /// get a stable hash so the same id always lands on the same number.
    /// </summary>
    internal static float CodeOf(string id)
    {
        if (id.Length == 0)
        {
            return -1;
        }

        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code < 16_000_000)
        {
            return code;
        }

        // FNV-1a, folded above the GUIDE code range so hashed ids never collide with integer codes.
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return 16_000_000 + (hash % 1_000_000);
    }

    private static int WriteRates(float[] vector, int i, HistoryRates rates)
    {
        vector[i++] = rates.Count;
        vector[i++] = (float)rates.Rate(IncidentGrade.TruePositive);
        vector[i++] = (float)rates.Rate(IncidentGrade.BenignPositive);
        vector[i++] = (float)rates.Rate(IncidentGrade.FalsePositive);
        return i;
    }

    private static Dictionary<string, int> IndexOf(IReadOnlyList<string> values)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            index[values[i]] = i;
        }

        return index;
    }
}
