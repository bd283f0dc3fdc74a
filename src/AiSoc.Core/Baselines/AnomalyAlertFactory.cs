using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>Turns anomalies into alerts in the common schema, so triage, correlation and the model can use them.</summary>
public static class AnomalyAlertFactory
{
    /// <summary>The <see cref="NormalizedAlert.Source"/> of every baseline alert.</summary>
    public const string Source = "aisoc-baseline";

    /// <summary>The <see cref="NormalizedAlert.Extra"/> key of the anomaly score, from 0 to 1 with invariant culture.</summary>
    public const string ScoreKey = "anomalyScore";

    /// <summary>Builds the alert for <paramref name="anomaly"/>; its id depends on the kind, subject and time alone.</summary>
    public static NormalizedAlert Create(Anomaly anomaly)
    {
        ArgumentNullException.ThrowIfNull(anomaly);

        var description = AnomalyCatalog.Describe(anomaly.Kind);
        var providerId = $"{Source}:{description.DetectorId}:{anomaly.Subject}:{anomaly.Time.UtcDateTime:O}";

        var extra = new Dictionary<string, string>(anomaly.Evidence, StringComparer.Ordinal)
        {
            [ScoreKey] = BaselineText.Number(anomaly.Score, "0.###"),
        };

        return new NormalizedAlert
        {
            Id = StableIds.ForAlert(providerId),
            Source = Source,
            ProductName = "AiSoc behavioral baselines",
            ProviderAlertId = providerId,
            Title = $"{description.Title}: {anomaly.Subject}",
            Description = anomaly.Reason,
            Severity = description.Severity,
            DetectorId = description.DetectorId,
            Category = "BehavioralAnomaly",
            DetectionSource = "baseline",
            CreatedAt = anomaly.Time,
            FirstActivityAt = anomaly.Time,
            LastActivityAt = anomaly.Time,
            Tactics = description.Tactics,
            Techniques = description.Techniques,
            Entities = anomaly.Entities,
            Extra = extra,
            Reasons = [anomaly.Reason],
            Raw = anomaly.Raw,
        };
    }
}
