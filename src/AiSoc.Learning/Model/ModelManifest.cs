using AiSoc.Learning.Features;

namespace AiSoc.Learning.Model;

/// <summary>
/// The JSON manifest stored beside the three binary models in a model zip: class names, feature names and
/// vocabularies, thresholds, training date and the per-detector verdict counts that scoring uses as history.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The manifest format this build writes and reads; version 2 added the anomaly score feature.</summary>
    public const int CurrentFormatVersion = 2;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Class names in model order; each has a binary model entry named <c>{class}.zip</c>.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    public required IReadOnlyList<string> FeatureNames { get; init; }

    public required FeatureLayout Layout { get; init; }

    public required TriageThresholds Thresholds { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public required int TrainingAlerts { get; init; }

    public required int NumberOfTrees { get; init; }

    /// <summary>Days between an incident's last alert and the time its grade counts as history.</summary>
    public required double HistoryMarginDays { get; init; }

    /// <summary>TruePositive, BenignPositive and FalsePositive incident counts per detector id over the training data.</summary>
    public IReadOnlyDictionary<string, int[]> DetectorHistory { get; init; } = new Dictionary<string, int[]>();
}
