using AiSoc.Core.Parsing;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tuning;

/// <summary>Thresholds of the tuning proposer. Call <see cref="Validate"/> before use. The loader and the proposer call it.</summary>
public sealed record TuningOptions
{
    /// <summary>Human-labelled cases a detector and entity key need, all benign, before a suppression is proposed.</summary>
    public int MinSuppressionCases { get; init; } = 10;

    /// <summary>Days an applied suppression stays in force.</summary>
    public int SuppressionDays { get; init; } = 30;

    public int Ipv4PrefixLength { get; init; } = 24;

    public int Ipv6PrefixLength { get; init; } = 64;

    /// <summary>Human-labelled alerts a detector needs before a severity change or a review is proposed.</summary>
    public int MinDetectorCases { get; init; } = 10;

    /// <summary>Share of benign and false positives, from 0 to 1, at or above which a lower severity is proposed.</summary>
    public double LowerSeverityBenignShare { get; init; } = 0.9;

    /// <summary>Precision, from 0 to 1, at or above which a low or informational detector is proposed for a higher severity.</summary>
    public double RaiseSeverityPrecision { get; init; } = 0.5;

    /// <summary>Techniques never proposed for disabling or a lower severity; see <see cref="Proposals.RareTechniques"/>.</summary>
    public IReadOnlyList<string> RareTechniques { get; init; } = Proposals.RareTechniques.Default;

    /// <summary>Techniques covered by detectors that raised no alert in the input, so they are not reported as gaps.</summary>
    public IReadOnlyList<string> CoveredTechniques { get; init; } = [];

    /// <summary>New human verdicts since <see cref="LastTrainingAt"/> that trigger a retraining proposal.</summary>
    public int RetrainAfterVerdicts { get; init; } = 200;

    /// <summary>When the triage model was last trained; null counts every human verdict as new.</summary>
    public DateTimeOffset? LastTrainingAt { get; init; }

    /// <summary>Case ids listed in each proposal's evidence.</summary>
    public int EvidenceSampleSize { get; init; } = 10;

    /// <summary>Incident labels (Sentinel) or tags (Graph) that mark a closure by automation.</summary>
    public IReadOnlyList<string> AutomationLabels { get; init; } = ["auto-closed", "AutoClosed"];

    /// <summary>Checks every setting and throws on the first invalid one, naming it.</summary>
    /// <exception cref="TuningConfigurationException">A setting is out of range.</exception>
    public TuningOptions Validate()
    {
        Require(MinSuppressionCases >= 1, nameof(MinSuppressionCases), MinSuppressionCases, "1 or more");
        Require(SuppressionDays is >= 1 and <= 365, nameof(SuppressionDays), SuppressionDays, "1 to 365");
        Require(Ipv4PrefixLength is >= 8 and <= 32, nameof(Ipv4PrefixLength), Ipv4PrefixLength, "8 to 32");
        Require(Ipv6PrefixLength is >= 16 and <= 128, nameof(Ipv6PrefixLength), Ipv6PrefixLength, "16 to 128");
        Require(MinDetectorCases >= 1, nameof(MinDetectorCases), MinDetectorCases, "1 or more");
        Require(LowerSeverityBenignShare is > 0 and <= 1, nameof(LowerSeverityBenignShare), LowerSeverityBenignShare, "above 0 and at most 1");
        Require(RaiseSeverityPrecision is > 0 and <= 1, nameof(RaiseSeverityPrecision), RaiseSeverityPrecision, "above 0 and at most 1");
        Require(RetrainAfterVerdicts >= 1, nameof(RetrainAfterVerdicts), RetrainAfterVerdicts, "1 or more");
        Require(EvidenceSampleSize is >= 1 and <= 1000, nameof(EvidenceSampleSize), EvidenceSampleSize, "1 to 1000");
        RequireTechniques(RareTechniques, nameof(RareTechniques));
        RequireTechniques(CoveredTechniques, nameof(CoveredTechniques));
        return this;
    }

    private static void Require(bool valid, string setting, object value, string expected)
    {
        if (!valid)
        {
            throw new TuningConfigurationException($"Invalid tuning setting {JsonName(setting)} = {value}: expected {expected}.");
        }
    }

    private static void RequireTechniques(IEnumerable<string> techniques, string setting)
    {
        foreach (var technique in techniques)
        {
            if (!AttackIds.TryNormalizeTechnique(technique, out _))
            {
                throw new TuningConfigurationException(
                    $"Invalid tuning setting {JsonName(setting)}: '{technique}' is not an ATT&CK technique id such as T1558 or T1003.001.");
            }
        }
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
