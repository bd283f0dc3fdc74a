using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning;

/// <summary>The alert creation times a run covers: from <see cref="Since"/> inclusive to <see cref="Until"/> exclusive.</summary>
public sealed record ReportingPeriod(DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static ReportingPeriod All { get; } = new(null, null);

    public bool Contains(DateTimeOffset time) =>
        (Since is null || time >= Since) && (Until is null || time < Until);

    /// <summary>Returns the outcomes created within the period, ordered by creation time then alert id.</summary>
    public List<CaseOutcome> Select(IEnumerable<CaseOutcome> outcomes) =>
        outcomes.Where(outcome => Contains(outcome.CreatedAt))
            .OrderBy(outcome => outcome.CreatedAt)
            .ThenBy(outcome => outcome.AlertId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Returns the period actually covered by <paramref name="outcomes"/>: the stated bounds, else the first and last creation times.</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Covered(IReadOnlyCollection<CaseOutcome> outcomes) =>
        (Since ?? outcomes.Select(o => (DateTimeOffset?)o.CreatedAt).Min(), Until ?? outcomes.Select(o => (DateTimeOffset?)o.CreatedAt).Max());
}
