using AiSoc.Learning.Data;
using AiSoc.Learning.Model;

namespace AiSoc.Learning.Evaluation;

/// <summary>
/// What the thresholds do to the alert queue: shares auto-closed, escalated as suspicious and called malicious,
/// true positives that would have been auto-closed, and TruePositive precision and recall of the malicious calls.
/// </summary>
public sealed record DecisionMetrics(
    int Alerts,
    double AutoClosedShare,
    double EscalatedShare,
    double MaliciousShare,
    int MissedTruePositives,
    double MissedTruePositiveRate,
    double TruePositivePrecision,
    double TruePositiveRecall)
{
    public static DecisionMetrics Compute(IReadOnlyList<(TriageDecision Decision, IncidentGrade Actual)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);

        var count = outcomes.Count;
        var autoClosed = outcomes.Count(item => item.Decision == TriageDecision.AutoClose);
        var escalated = outcomes.Count(item => item.Decision == TriageDecision.Escalate);
        var malicious = outcomes.Count(item => item.Decision == TriageDecision.Malicious);
        var actualTruePositives = outcomes.Count(item => item.Actual == IncidentGrade.TruePositive);
        var missed = outcomes.Count(item => item.Decision == TriageDecision.AutoClose && item.Actual == IncidentGrade.TruePositive);
        var maliciousHits = outcomes.Count(item => item.Decision == TriageDecision.Malicious && item.Actual == IncidentGrade.TruePositive);

        return new DecisionMetrics(
            count,
            Share(autoClosed, count),
            Share(escalated, count),
            Share(malicious, count),
            missed,
            Share(missed, actualTruePositives),
            Share(maliciousHits, malicious),
            Share(maliciousHits, actualTruePositives));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
