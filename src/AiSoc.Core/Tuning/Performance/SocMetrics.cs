using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Performance;

/// <summary>SOC-wide figures over a period. Rates use human verdicts only; null when nothing qualifies.</summary>
public sealed record SocMetrics
{
    public DateTimeOffset? PeriodStart { get; init; }

    public DateTimeOffset? PeriodEnd { get; init; }

    public int Alerts { get; init; }

    public int Cases { get; init; }

    /// <summary>Alerts with a known verdict set by a human.</summary>
    public int HumanLabelled { get; init; }

    /// <summary>Alerts with a known verdict set by automation; never counted as labels.</summary>
    public int AutomationVerdicts { get; init; }

    public int TruePositives { get; init; }

    public int BenignPositives { get; init; }

    public int FalsePositives { get; init; }

    /// <summary>Human-labelled alerts that also have a triage verdict.</summary>
    public int TriageCompared { get; init; }

    /// <summary>
    /// Share of <see cref="TriageCompared"/> where triage agreed with the analyst: malicious or suspicious for a
    /// true positive, benign for a benign or false positive. needs-context never agrees.
    /// </summary>
    public double? TriageAccuracy { get; init; }

    /// <summary>False positives over human-labelled alerts.</summary>
    public double? FalsePositiveRate { get; init; }

    public double? MeanTimeToTriageMinutes { get; init; }

    public double? MeanTimeToContainMinutes { get; init; }

    /// <summary>Cases closed by automation without escalation.</summary>
    public int HandledAutonomously { get; init; }

    public int Escalated { get; init; }

    /// <summary>Computes the figures for <paramref name="outcomes"/>, which must already be filtered to the period.</summary>
    public static SocMetrics Compute(IReadOnlyCollection<CaseOutcome> outcomes, ReportingPeriod period)
    {
        var (start, end) = period.Covered(outcomes);
        var human = outcomes.Where(o => o.IsHumanLabel).ToList();
        var compared = human.Where(o => o.TriageVerdict is not null).ToList();
        var cases = outcomes.GroupBy(o => o.CaseId, StringComparer.Ordinal).ToList();

        return new SocMetrics
        {
            PeriodStart = start,
            PeriodEnd = end,
            Alerts = outcomes.Count,
            Cases = cases.Count,
            HumanLabelled = human.Count,
            AutomationVerdicts = outcomes.Count(o => o.DecidedBy == VerdictSource.Automation && o.Verdict != CaseVerdict.Unknown),
            TruePositives = human.Count(o => o.Verdict == CaseVerdict.TruePositive),
            BenignPositives = human.Count(o => o.Verdict == CaseVerdict.BenignPositive),
            FalsePositives = human.Count(o => o.Verdict == CaseVerdict.FalsePositive),
            TriageCompared = compared.Count,
            TriageAccuracy = DetectorPerformance.Ratio(compared.Count(Agrees), compared.Count),
            FalsePositiveRate = DetectorPerformance.Ratio(human.Count(o => o.Verdict == CaseVerdict.FalsePositive), human.Count),
            MeanTimeToTriageMinutes = OutcomeTimes.MeanTimeToTriage(outcomes)?.TotalMinutes,
            MeanTimeToContainMinutes = OutcomeTimes.MeanTimeToContain(outcomes)?.TotalMinutes,
            HandledAutonomously = cases.Count(c => c.All(o => o.AutoClosed && !o.Escalated)),
            Escalated = cases.Count(c => c.Any(o => o.Escalated)),
        };
    }

    private static bool Agrees(CaseOutcome outcome) => outcome.TriageVerdict switch
    {
        Verdict.Malicious or Verdict.Suspicious => outcome.Verdict == CaseVerdict.TruePositive,
        Verdict.Benign => outcome.IsBenign,
        _ => false,
    };
}
