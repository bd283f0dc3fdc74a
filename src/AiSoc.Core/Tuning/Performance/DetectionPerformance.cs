using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Performance;

/// <summary>Per-detector performance over a period, computed from case outcomes.</summary>
public sealed record DetectionPerformance(DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd, IReadOnlyList<DetectorPerformance> Detectors)
{
    /// <summary>Group name for alerts whose source names no detector.</summary>
    public const string NoDetectorId = "(no detector id)";

    /// <summary>Computes the performance of every detector in <paramref name="outcomes"/>, which must already be filtered to the period.</summary>
    public static DetectionPerformance Compute(IReadOnlyCollection<CaseOutcome> outcomes, ReportingPeriod period)
    {
        var (start, end) = period.Covered(outcomes);
        var detectors = outcomes
            .GroupBy(outcome => outcome.DetectorId ?? NoDetectorId, StringComparer.Ordinal)
            .Select(group => ForDetector(group.Key, group.ToList()))
            .OrderByDescending(detector => detector.Alerts)
            .ThenBy(detector => detector.DetectorId, StringComparer.Ordinal)
            .ToList();

        return new DetectionPerformance(start, end, detectors);
    }

    private static DetectorPerformance ForDetector(string detectorId, List<CaseOutcome> outcomes)
    {
        var human = outcomes.Where(outcome => outcome.IsHumanLabel).ToList();

        return new DetectorPerformance
        {
            DetectorId = detectorId,
            Alerts = outcomes.Count,
            TruePositives = human.Count(outcome => outcome.Verdict == CaseVerdict.TruePositive),
            BenignPositives = human.Count(outcome => outcome.Verdict == CaseVerdict.BenignPositive),
            FalsePositives = human.Count(outcome => outcome.Verdict == CaseVerdict.FalsePositive),
            AutomationVerdicts = outcomes.Count(outcome => outcome.DecidedBy == VerdictSource.Automation && outcome.Verdict != CaseVerdict.Unknown),
            MeanTimeToTriage = OutcomeTimes.MeanTimeToTriage(outcomes),
            AutoClosedShare = (double)outcomes.Count(outcome => outcome.AutoClosed) / outcomes.Count,
            EscalatedShare = (double)outcomes.Count(outcome => outcome.Escalated) / outcomes.Count,
            TypicalSeverity = TypicalSeverity(outcomes),
            Techniques = outcomes.SelectMany(outcome => outcome.Techniques).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Trend = Trend(outcomes),
        };
    }

    private static Severity TypicalSeverity(List<CaseOutcome> outcomes) =>
        outcomes.GroupBy(outcome => outcome.Severity)
            .OrderByDescending(group => group.Count())
            .ThenByDescending(group => group.Key)
            .First().Key;

    private static List<WeeklyTrendPoint> Trend(List<CaseOutcome> outcomes) =>
        outcomes.GroupBy(outcome => WeekStart(outcome.CreatedAt))
            .OrderBy(group => group.Key)
            .Select(group => new WeeklyTrendPoint(
                group.Key,
                group.Count(),
                group.Count(outcome => outcome.IsHumanLabel),
                group.Count(outcome => outcome.IsHumanLabel && outcome.Verdict == CaseVerdict.TruePositive)))
            .ToList();

    /// <summary>Returns the Monday (UTC) that starts the ISO week of <paramref name="time"/>.</summary>
    public static DateOnly WeekStart(DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }
}
