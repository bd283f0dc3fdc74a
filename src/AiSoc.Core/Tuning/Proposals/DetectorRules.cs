using System.Globalization;
using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Performance;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>
/// Proposes severity changes and reviews of detectors with no true positives. Detectors for rare, high-impact
/// techniques are never proposed for review or a lower severity, because silence or noise is expected there.
/// </summary>
internal static class DetectorRules
{
    public static IEnumerable<TuningProposal> Propose(IReadOnlyList<CaseOutcome> outcomes, DetectionPerformance performance, ProposalContext context)
    {
        var options = context.Options;
        var byDetector = outcomes.Where(o => o.DetectorId is not null)
            .GroupBy(o => o.DetectorId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        foreach (var detector in performance.Detectors)
        {
            if (!byDetector.TryGetValue(detector.DetectorId, out var cases) || detector.HumanLabelled < options.MinDetectorCases)
            {
                continue;
            }

            var rare = detector.Techniques.Any(t => RareTechniques.Matches(t, options.RareTechniques));
            var anyTruePositive = cases.Any(c => c.Verdict == CaseVerdict.TruePositive);

            if (!anyTruePositive && !rare)
            {
                yield return Review(detector, cases, context);
            }
            else if (!rare && detector.BenignShare >= options.LowerSeverityBenignShare && Lower(detector.TypicalSeverity) is { } lower)
            {
                yield return SeverityChange(ProposalKind.LowerSeverity, detector, lower, cases, context,
                    $"{Percent(detector.BenignShare)} of {detector.HumanLabelled} human-labelled alerts were benign at severity {Name(detector.TypicalSeverity)}.");
            }
            else if (detector.Precision >= options.RaiseSeverityPrecision && Raise(detector.TypicalSeverity) is { } raise)
            {
                yield return SeverityChange(ProposalKind.RaiseSeverity, detector, raise, cases, context,
                    $"{Percent(detector.Precision)} of {detector.HumanLabelled} human-labelled alerts were true positives at severity {Name(detector.TypicalSeverity)}.");
            }
        }
    }

    private static TuningProposal Review(DetectorPerformance detector, List<CaseOutcome> cases, ProposalContext context)
    {
        var rationale = string.Create(CultureInfo.InvariantCulture,
            $"None of {detector.HumanLabelled} human-labelled alerts in the period was a true positive ({detector.BenignPositives} benign positive, {detector.FalsePositives} false positive). Review the rule logic or disable it; its techniques are not on the rare-technique list.");
        return ProposalContext.Create(ProposalKind.ReviewRule, detector.DetectorId, new ProposalCondition(), context.Evidence(cases), rationale);
    }

    private static TuningProposal SeverityChange(ProposalKind kind, DetectorPerformance detector, Severity proposed,
        List<CaseOutcome> cases, ProposalContext context, string reason)
    {
        var condition = new ProposalCondition { CurrentSeverity = detector.TypicalSeverity, ProposedSeverity = proposed };
        var rationale = $"{reason} Proposed severity: {Name(proposed)}.";
        return ProposalContext.Create(kind, detector.DetectorId, condition, context.Evidence(cases), rationale);
    }

    private static Severity? Lower(Severity severity) => severity switch
    {
        Severity.High => Severity.Medium,
        Severity.Medium => Severity.Low,
        _ => null,
    };

    private static Severity? Raise(Severity severity) => severity switch
    {
        Severity.Informational => Severity.Low,
        Severity.Low => Severity.Medium,
        _ => null,
    };

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Percent(double? share) => ((share ?? 0) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
