using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>
/// Scores alerts with fixed, explainable rules: source severity, detection source, ATT&amp;CK stage, entity
/// criticality, corroboration by correlated alerts, provider classification and built-in-only entities. Each rule
/// that adds or removes points writes one reason. The score is clamped to 0..100. An alert without a usable entity
/// always gets <see cref="Verdict.NeedsContext"/>, whatever its score; see <see cref="EntityUsability"/> for which
/// entities count. Confidence is derived in <see cref="VerdictConfidence"/>.
/// </summary>
public sealed class RuleBasedScorer : IAlertScorer
{
    private const int MaxListedEntities = 3;

    private readonly int _maliciousThreshold;
    private readonly int _suspiciousThreshold;
    private readonly ScoringWeights _weights;
    private readonly CriticalityMatcher _criticality;

    public RuleBasedScorer(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _maliciousThreshold = options.MaliciousThreshold;
        _suspiciousThreshold = options.SuspiciousThreshold;
        _weights = options.Weights;
        _criticality = new CriticalityMatcher(options.PrivilegedAccounts, options.CriticalHosts);
    }

    public AlertAssessment Assess(NormalizedAlert alert, AlertContext context)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(context);

        var sheet = new ScoreSheet();
        AddSeverity(sheet, alert.Severity);
        AddDetectionSource(sheet, alert);
        AddStage(sheet, alert, context);
        AddCriticality(sheet, alert);
        AddCorroboration(sheet, context);
        AddProviderSignals(sheet, alert);
        AddBuiltInOnly(sheet, alert);

        var score = Math.Clamp(sheet.Total, 0, 100);

        if (!EntityUsability.HasUsableEntity(alert))
        {
            sheet.Note(EntityUsability.DescribeMissingContext(alert));
            return new AlertAssessment(score, Verdict.NeedsContext, VerdictConfidence.NeedsContext, sheet.Reasons.ToArray());
        }

        var verdict = score >= _maliciousThreshold ? Verdict.Malicious
            : score >= _suspiciousThreshold ? Verdict.Suspicious
            : Verdict.Benign;
        var confidence = VerdictConfidence.Compute(score, sheet.ContributingRules, _suspiciousThreshold, _maliciousThreshold);

        return new AlertAssessment(score, verdict, confidence, sheet.Reasons.ToArray());
    }

    private void AddSeverity(ScoreSheet sheet, Severity severity)
    {
        var (points, name) = severity switch
        {
            Severity.High => (_weights.HighSeverity, "High"),
            Severity.Medium => (_weights.MediumSeverity, "Medium"),
            Severity.Low => (_weights.LowSeverity, "Low"),
            Severity.Informational => (_weights.InformationalSeverity, "Informational"),
            _ => (_weights.UnknownSeverity, "Unknown"),
        };

        sheet.Add(points, name + " source severity", showWhenZero: true);
    }

    private void AddDetectionSource(ScoreSheet sheet, NormalizedAlert alert)
    {
        var kind = DetectionSourceRules.Classify(alert);
        var points = kind switch
        {
            DetectionKind.ThreatDetection => _weights.ThreatDetection,
            DetectionKind.ProductAnalytics => _weights.ProductDetection,
            DetectionKind.CustomRule => _weights.CustomRuleDetection,
            _ => 0,
        };

        sheet.Add(points, DetectionSourceRules.Describe(kind));
    }

    private void AddStage(ScoreSheet sheet, NormalizedAlert alert, AlertContext context)
    {
        var strongest = StageRules.Strongest(alert.Tactics, _weights);
        if (strongest is { } own)
        {
            var stage = "Mid-stage";
            if (StageRules.IsLate(own.Tactic))
            {
                stage = "Late-stage";
            }
            else if (own.Points == _weights.EarlyStage)
            {
                stage = "Early-stage";
            }

            sheet.Add(own.Points, $"{stage} ATT&CK tactic {own.Tactic}");
        }

        var incidentTactic = context.FurthestIncidentTactic;
        var ownIsLate = strongest is { } s && StageRules.IsLate(s.Tactic);
        if (incidentTactic is not null && StageRules.IsLate(incidentTactic) && !ownIsLate)
        {
            sheet.Add(_weights.IncidentLateStage, $"Part of an incident that reached {TextKey.Shown(incidentTactic)}");
        }
    }

    private void AddCriticality(ScoreSheet sheet, NormalizedAlert alert)
    {
        var accounts = _criticality.PrivilegedAccountsIn(alert);
        if (accounts.Count > 0)
        {
            var noun = accounts.Count == 1 ? "privileged account" : "privileged accounts";
            sheet.Add(_weights.PrivilegedAccount, $"Touches {noun} {ListOf(accounts)}");
        }

        var hosts = _criticality.CriticalHostsIn(alert);
        if (hosts.Count > 0)
        {
            var noun = hosts.Count == 1 ? "critical host" : "critical hosts";
            sheet.Add(_weights.CriticalHost, $"Touches {noun} {ListOf(hosts)}");
        }
    }

    private void AddCorroboration(ScoreSheet sheet, AlertContext context)
    {
        if (context.CorrelatedAlertCount <= 0)
        {
            return;
        }

        var points = Math.Min(_weights.CorroborationMax, _weights.CorroborationPerAlert * context.CorrelatedAlertCount);
        if (context.HasOtherProduct)
        {
            points += _weights.CrossProductCorroboration;
        }

        var alerts = context.CorrelatedAlertCount == 1 ? "1 other alert" : $"{context.CorrelatedAlertCount} other alerts";
        var products = context.CorrelatedProductCount == 1 ? "1 product" : $"{context.CorrelatedProductCount} products";
        var crossProduct = context.HasOtherProduct ? ", including another product" : ", all from the same product";
        sheet.Add(points, $"Corroborated by {alerts} from {products}{crossProduct}");

        if (context.AnyCorrelatedHighSeverity)
        {
            sheet.Add(_weights.CorrelatedHighSeverity, "A correlated alert has high severity");
        }
    }

    private void AddProviderSignals(ScoreSheet sheet, NormalizedAlert alert)
    {
        var signals = ProviderSignalRules.Read(alert.Extra);
        if (signals.Count == 0)
        {
            return;
        }

        var malicious = signals.Where(s => s.Kind == ProviderSignalKind.Malicious).Select(s => s.Name).ToList();
        if (malicious.Count > 0)
        {
            sheet.Add(_weights.ProviderMalicious, "Provider marked the alert " + string.Join(", ", malicious));
        }

        // A false positive outweighs a benign positive, so only the stronger of the two lowers the score.
        var falsePositive = signals.Any(s => s.Kind == ProviderSignalKind.FalsePositive);
        var benign = signals.Where(s => s.Kind == ProviderSignalKind.Benign).Select(s => s.Name).ToList();
        if (falsePositive)
        {
            sheet.Add(_weights.ProviderFalsePositive, "Provider marked the alert FalsePositive");
        }
        else if (benign.Count > 0)
        {
            sheet.Add(_weights.ProviderBenign, "Provider marked the alert as expected activity: " + string.Join(", ", benign));
        }
    }

    private void AddBuiltInOnly(ScoreSheet sheet, NormalizedAlert alert)
    {
        if (EntityUsability.IsBuiltInOnly(alert))
        {
            sheet.Add(_weights.BuiltInOnly, "Only built-in accounts and private IPs are involved");
        }
    }

    private static string ListOf(IReadOnlyList<string> items)
    {
        if (items.Count <= MaxListedEntities)
        {
            return string.Join(", ", items);
        }

        return string.Join(", ", items.Take(MaxListedEntities)) + $" and {items.Count - MaxListedEntities} more";
    }
}
