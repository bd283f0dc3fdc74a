using System.Globalization;
using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>
/// Finds ATT&amp;CK techniques recorded on incidents that were not false positives, where no detector in the input
/// or in the configured covered list names the technique or its parent.
/// </summary>
internal static class CoverageGaps
{
    public static IEnumerable<TuningProposal> Propose(IReadOnlyList<CaseOutcome> outcomes, ProposalContext context)
    {
        var covered = outcomes.Where(o => o.DetectorId is not null)
            .SelectMany(o => o.Techniques)
            .Concat(context.Options.CoveredTechniques.Select(Canonical))
            .ToHashSet(StringComparer.Ordinal);

        var seen = outcomes.Where(o => o.Verdict != CaseVerdict.FalsePositive)
            .SelectMany(o => o.IncidentTechniques.Select(technique => (Technique: technique, Case: o)))
            .GroupBy(pair => pair.Technique, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);

        foreach (var group in seen)
        {
            if (IsCovered(group.Key, covered))
            {
                continue;
            }

            var cases = group.Select(pair => pair.Case).Distinct().ToList();
            var caseCount = cases.Select(c => c.CaseId).Distinct(StringComparer.Ordinal).Count();
            var rationale = string.Create(CultureInfo.InvariantCulture,
                $"Technique {group.Key} was recorded on {caseCount} incidents that were not false positives, but no detector in the input names it or its parent technique.");
            var condition = new ProposalCondition { Technique = group.Key };
            yield return ProposalContext.Create(ProposalKind.CoverageGap, null, condition, context.Evidence(cases), rationale);
        }
    }

    private static bool IsCovered(string technique, HashSet<string> covered)
    {
        var dot = technique.IndexOf('.', StringComparison.Ordinal);
        return covered.Contains(technique) || (dot > 0 && covered.Contains(technique[..dot]));
    }

    private static string Canonical(string technique) =>
        Parsing.AttackIds.TryNormalizeTechnique(technique, out var canonical) ? canonical : technique;
}
