using AiSoc.Learning.Data;

namespace AiSoc.Learning.Features;

/// <summary>
/// The vocabularies that fix the feature vector: categories, the most frequent ATT&amp;CK techniques and entity types
/// seen in training. Stored in the model manifest so scoring builds the same vector.
/// </summary>
public sealed record FeatureLayout(IReadOnlyList<string> Categories, IReadOnlyList<string> Techniques, IReadOnlyList<string> EntityTypes, bool IncludeHistory)
{
    /// <summary>Techniques that get their own indicator feature; rarer ones count only in the technique count.</summary>
    public const int MaxTechniqueIndicators = 20;

    /// <summary>Entity types that get their own count feature.</summary>
    public const int MaxEntityTypes = 30;

    /// <summary>Builds the vocabularies from training alerts.</summary>
    public static FeatureLayout FromTraining(IEnumerable<TriageAlert> alerts, bool includeHistory)
    {
        var list = alerts.ToArray();

        var categories = list.Select(alert => alert.Category)
            .Where(category => category.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var techniques = TopByCount(list.SelectMany(alert => alert.Techniques), MaxTechniqueIndicators);
        var entityTypes = TopByCount(list.SelectMany(alert => alert.EntityTypeCounts.Keys), MaxEntityTypes);

        return new FeatureLayout(categories, techniques, entityTypes, includeHistory);
    }

    /// <summary>Names of the vector's features, in order.</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string>
        {
            "DetectorId", "AlertTitle", "Severity", "RuleScore", "Anomaly score", "TechniqueCount",
        };
        names.AddRange(Techniques.Select(technique => "Technique " + technique));
        names.AddRange(Categories.Select(category => "Category " + category));
        names.AddRange(EntityTypes.Select(type => "Evidence type " + type));
        names.AddRange(
        [
            "Impacted evidence", "Related evidence", "SuspicionLevel Suspicious", "SuspicionLevel Incriminated",
            "LastVerdict Malicious", "LastVerdict Suspicious", "LastVerdict NoThreatsFound",
            "Hour of day (UTC)", "Weekday (UTC)", "Evidence in alert", "Alerts in incident so far", "Evidence in incident so far",
        ]);

        if (IncludeHistory)
        {
            names.AddRange(
            [
                "DetectorId past incidents", "DetectorId past TP rate", "DetectorId past BP rate", "DetectorId past FP rate",
                "OrgId past incidents", "OrgId past TP rate", "OrgId past BP rate", "OrgId past FP rate",
            ]);
        }

        return names;
    }

    private static string[] TopByCount(IEnumerable<string> values, int max) =>
        values
            .Where(value => value.Length > 0)
            .GroupBy(value => value, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(group => group.Key)
            .ToArray();
}
