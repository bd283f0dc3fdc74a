using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Performance;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tuning;

/// <summary>Detection performance, SOC metrics and tuning proposals for the outcomes of one period.</summary>
public sealed record TuningAnalysis(
    ReportingPeriod Period,
    IReadOnlyList<CaseOutcome> Outcomes,
    DetectionPerformance Performance,
    SocMetrics Metrics,
    IReadOnlyList<TuningProposal> Proposals)
{
    /// <summary>Filters <paramref name="outcomes"/> to <paramref name="period"/> and computes every figure and proposal.</summary>
    public static TuningAnalysis Run(IEnumerable<CaseOutcome> outcomes, ReportingPeriod period, TuningProposer proposer)
    {
        var selected = period.Select(outcomes);
        var performance = DetectionPerformance.Compute(selected, period);
        var metrics = SocMetrics.Compute(selected, period);
        var proposals = proposer.Propose(selected, performance);
        return new TuningAnalysis(period, selected, performance, metrics, proposals);
    }
}
