using System.Globalization;
using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>
/// Proposes a suppression for each detector and stable entity key whose alerts were all benign by human verdict,
/// over at least the configured number of cases. A true positive set by a human or by automation blocks the suppression.
/// </summary>
internal static class SuppressionRules
{
    public static IEnumerable<TuningProposal> Propose(IReadOnlyList<CaseOutcome> outcomes, ProposalContext context, DateTimeOffset now)
    {
        var options = context.Options;
        var groups = new Dictionary<(string Detector, string Field, string Value), List<CaseOutcome>>();
        foreach (var outcome in outcomes)
        {
            if (outcome.DetectorId is not { } detectorId)
            {
                continue;
            }

            foreach (var (field, value) in SuppressionKeys.Of(outcome.Entities, options).Distinct())
            {
                var key = (detectorId, field, value);
                if (!groups.TryGetValue(key, out var cases))
                {
                    groups[key] = cases = [];
                }

                cases.Add(outcome);
            }
        }

        var proposals = new List<TuningProposal>();
        var coveredCaseSets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((detectorId, field, value), cases) in Ordered(groups))
        {
            var human = cases.Where(c => c.IsHumanLabel).ToList();
            if (human.Count < options.MinSuppressionCases || !human.All(c => c.IsBenign)
                || cases.Any(c => c.Verdict == CaseVerdict.TruePositive))
            {
                continue;
            }

            // Keys that match exactly the same alerts (an account's object id and its UPN) get one proposal, on the
            // most stable field.
            var caseSet = detectorId + "\n" + string.Join('\n', cases.Select(c => c.AlertId).Order(StringComparer.Ordinal));
            if (!coveredCaseSets.Add(caseSet))
            {
                continue;
            }

            var condition = new ProposalCondition { EntityField = field, EntityValue = value };
            var evidence = context.Evidence(cases);
            var rationale = string.Create(CultureInfo.InvariantCulture,
                $"All {human.Count} human-labelled alerts of this detector for {field} {value} were benign ({evidence.BenignPositives} benign positive, {evidence.FalsePositives} false positive) and none was a true positive; the suppression expires after {options.SuppressionDays} days.");
            proposals.Add(ProposalContext.Create(ProposalKind.Suppression, detectorId, condition, evidence, rationale,
                now.AddDays(options.SuppressionDays)));
        }

        return proposals;
    }

    // Orders by detector, then by field stability, so the most stable of several equivalent keys is kept.
    private static IEnumerable<KeyValuePair<(string Detector, string Field, string Value), List<CaseOutcome>>> Ordered(
        Dictionary<(string Detector, string Field, string Value), List<CaseOutcome>> groups) =>
        groups.OrderBy(pair => pair.Key.Detector, StringComparer.Ordinal)
            .ThenBy(pair => FieldRank(pair.Key.Field))
            .ThenBy(pair => pair.Key.Value, StringComparer.Ordinal);

    private static int FieldRank(string field)
    {
        for (var i = 0; i < SuppressionFields.Allowed.Count; i++)
        {
            if (SuppressionFields.Allowed[i] == field)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
