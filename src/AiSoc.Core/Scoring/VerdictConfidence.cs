namespace AiSoc.Core.Scoring;

/// <summary>
/// Derives the confidence of a rule-based verdict. Confidence = 0.4 + 0.4 * margin + 0.2 * evidence, where margin
/// is the distance from the score to the nearest verdict threshold divided by 25 (capped at 1), and evidence is the
/// number of rules that added or removed points divided by 4 (capped at 1). So a score right at a threshold with
/// one signal gets 0.45, and a score 25 or more points from any threshold backed by four rules gets 1.0.
/// A needs-context verdict gets 0.25, because the alert lacks the entities needed to judge it at all.
/// </summary>
internal static class VerdictConfidence
{
    private const double MarginScale = 25.0;
    private const double EvidenceScale = 4.0;

    public const double NeedsContext = 0.25;

    public static double Compute(int score, int contributingRules, int suspiciousThreshold, int maliciousThreshold)
    {
        var distance = Math.Min(Math.Abs(score - suspiciousThreshold), Math.Abs(score - maliciousThreshold));
        var margin = Math.Min(1.0, distance / MarginScale);
        var evidence = Math.Min(1.0, contributingRules / EvidenceScale);

        return Math.Round(0.4 + (0.4 * margin) + (0.2 * evidence), 2);
    }
}
