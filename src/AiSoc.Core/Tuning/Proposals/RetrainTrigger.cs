using System.Globalization;
using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>Proposes retraining when enough human verdicts were set after the last training.</summary>
internal static class RetrainTrigger
{
    public static TuningProposal? Propose(IReadOnlyList<CaseOutcome> outcomes, ProposalContext context)
    {
        var options = context.Options;

        // A verdict's time is its closing time, else the alert's creation time.
        var fresh = outcomes.Where(o => o.IsHumanLabel && (options.LastTrainingAt is null || (o.ClosedAt ?? o.CreatedAt) > options.LastTrainingAt))
            .ToList();
        if (fresh.Count < options.RetrainAfterVerdicts)
        {
            return null;
        }

        var since = options.LastTrainingAt is { } last
            ? "since the last training at " + last.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "and no last training time is configured";
        var rationale = string.Create(CultureInfo.InvariantCulture,
            $"{fresh.Count} human verdicts were set {since}, at or above the threshold of {options.RetrainAfterVerdicts}.");
        var condition = new ProposalCondition { NewHumanVerdicts = fresh.Count, RetrainThreshold = options.RetrainAfterVerdicts };
        return ProposalContext.Create(ProposalKind.RetrainModel, null, condition, context.Evidence(fresh), rationale);
    }
}
