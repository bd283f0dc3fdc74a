using System.Text.Json.Serialization;

namespace AiSoc.Learning.Model;

/// <summary>Decision thresholds on normalized class probabilities, chosen on training data only.</summary>
/// <param name="AutoCloseBenign">An alert predicted benign (BenignPositive or FalsePositive) is auto-closed only when its benign probability exceeds this.</param>
/// <param name="MaliciousTruePositive">An alert predicted TruePositive is called malicious only when its TruePositive probability is at least this.</param>
/// <param name="TargetMissedTruePositiveRate">The share of training-side true positives allowed above <paramref name="AutoCloseBenign"/>.</param>
/// <param name="TargetTruePositivePrecision">The training-side precision that <paramref name="MaliciousTruePositive"/> was chosen to reach.</param>
public sealed record TriageThresholds(
    double AutoCloseBenign,
    double MaliciousTruePositive,
    double TargetMissedTruePositiveRate,
    double TargetTruePositivePrecision)
{
    /// <summary>Thresholds that never auto-close and never call an alert malicious: every alert goes to a human.</summary>
    [JsonIgnore]
    public static TriageThresholds EscalateAll { get; } = new(1.0, 1.01, 0, 1);
}
