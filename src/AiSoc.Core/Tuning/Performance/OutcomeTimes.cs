using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Performance;

/// <summary>Mean response times over case outcomes. Intervals that end before the alert was created are ignored as clock errors.</summary>
public static class OutcomeTimes
{
    public static TimeSpan? MeanTimeToTriage(IEnumerable<CaseOutcome> outcomes) =>
        Mean(outcomes.Select(outcome => outcome.TriagedAt - outcome.CreatedAt));

    public static TimeSpan? MeanTimeToContain(IEnumerable<CaseOutcome> outcomes) =>
        Mean(outcomes.Select(outcome => outcome.ContainedAt - outcome.CreatedAt));

    private static TimeSpan? Mean(IEnumerable<TimeSpan?> intervals)
    {
        var valid = intervals.Where(interval => interval >= TimeSpan.Zero).Select(interval => interval!.Value.Ticks).ToList();
        return valid.Count == 0 ? null : TimeSpan.FromTicks((long)valid.Average());
    }
}
