using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Performance;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>
/// Proposes suppressions, severity changes, rule reviews, coverage gaps and model retraining from case outcomes.
/// Only human verdicts count as labels; automation verdicts appear in the evidence counts and never decide a proposal.
/// </summary>
public sealed class TuningProposer
{
    private readonly TuningOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <exception cref="TuningConfigurationException">An option is out of range.</exception>
    public TuningProposer(TuningOptions options, TimeProvider timeProvider)
    {
        _options = options.Validate();
        _timeProvider = timeProvider;
    }

    /// <summary>Returns every proposal for <paramref name="outcomes"/>, which must already be filtered to the period.</summary>
    public List<TuningProposal> Propose(IReadOnlyList<CaseOutcome> outcomes, DetectionPerformance performance)
    {
        var context = new ProposalContext(_options, performance.PeriodStart, performance.PeriodEnd);
        var proposals = new List<TuningProposal>();

        proposals.AddRange(SuppressionRules.Propose(outcomes, context, _timeProvider.GetUtcNow()));
        proposals.AddRange(DetectorRules.Propose(outcomes, performance, context));
        proposals.AddRange(CoverageGaps.Propose(outcomes, context));

        if (RetrainTrigger.Propose(outcomes, context) is { } retrain)
        {
            proposals.Add(retrain);
        }

        return proposals;
    }
}
