using System.Globalization;
using System.Text;
using AiSoc.Core.Output;
using AiSoc.Core.Tuning.Performance;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tuning.Reports;

/// <summary>
/// Writes <c>tuning-report.md</c> for a SOC lead: the proposals with their evidence, then each detector's
/// performance and weekly trend. Every value that came from an alert is escaped with <see cref="MarkdownText.Escape"/>.
/// </summary>
public static class TuningReportWriter
{
    public static string Render(TuningAnalysis analysis, IReadOnlyList<string> files, int rejectedRecords)
    {
        var text = new StringBuilder();
        var metrics = analysis.Metrics;
        text.AppendLine("# Detection tuning report");
        text.AppendLine();
        text.AppendLine(Invariant($"Period: {ReportFormat.Time(metrics.PeriodStart)} to {ReportFormat.Time(metrics.PeriodEnd)}. Input: {files.Count} files, {metrics.Alerts} alerts in {metrics.Cases} cases, {rejectedRecords} rejected records."));
        text.AppendLine(Invariant($"Labels: {metrics.HumanLabelled} human verdicts ({metrics.TruePositives} true positive, {metrics.BenignPositives} benign positive, {metrics.FalsePositives} false positive). {metrics.AutomationVerdicts} automation verdicts are counted but never used as labels."));
        text.AppendLine();

        AppendProposals(text, analysis.Proposals);
        AppendPerformance(text, analysis.Performance);
        AppendTrend(text, analysis.Performance);
        return text.ToString();
    }

    private static void AppendProposals(StringBuilder text, IReadOnlyList<TuningProposal> proposals)
    {
        text.AppendLine(Invariant($"## Proposals ({proposals.Count})"));
        text.AppendLine();
        if (proposals.Count == 0)
        {
            text.AppendLine("No proposals for this period.");
            text.AppendLine();
            return;
        }

        text.AppendLine("Apply a suppression with `aisoc apply-suppression proposals.json --id <id> --suppressions <file> --audit <file> --by <name>`. Other proposals are changes to make in the detection rules.");
        text.AppendLine();
        text.AppendLine("| Id | Kind | Detector | Condition | Expires | Evidence | Rationale |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var proposal in proposals)
        {
            text.AppendLine(Invariant($"| {proposal.Id} | {KindName(proposal.Kind)} | {MarkdownText.Escape(proposal.DetectorId ?? "all")} | {Condition(proposal.Condition)} | {ReportFormat.Time(proposal.ExpiresAt)} | {Evidence(proposal.Evidence)} | {MarkdownText.Escape(proposal.Rationale, 400)} |"));
        }

        text.AppendLine();
    }

    private static void AppendPerformance(StringBuilder text, DetectionPerformance performance)
    {
        text.AppendLine("## Detector performance");
        text.AppendLine();
        text.AppendLine("Precision is true positives over human-labelled alerts; the false-positive rate is false positives over human-labelled alerts.");
        text.AppendLine();
        text.AppendLine("| Detector | Severity | Alerts | TP | BP | FP | Automation verdicts | Precision | FP rate | Mean time to triage | Auto-closed | Escalated |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var d in performance.Detectors)
        {
            text.AppendLine(Invariant($"| {MarkdownText.Escape(d.DetectorId)} | {d.TypicalSeverity.ToString().ToLowerInvariant()} | {d.Alerts} | {d.TruePositives} | {d.BenignPositives} | {d.FalsePositives} | {d.AutomationVerdicts} | {ReportFormat.Percent(d.Precision)} | {ReportFormat.Percent(d.FalsePositiveRate)} | {ReportFormat.Duration(d.MeanTimeToTriage)} | {ReportFormat.Percent(d.AutoClosedShare)} | {ReportFormat.Percent(d.EscalatedShare)} |"));
        }

        text.AppendLine();
    }

    private static void AppendTrend(StringBuilder text, DetectionPerformance performance)
    {
        text.AppendLine("## Weekly trend");
        text.AppendLine();
        text.AppendLine("| Detector | Week starting | Alerts | Human-labelled | TP | Precision |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var detector in performance.Detectors)
        {
            foreach (var week in detector.Trend)
            {
                text.AppendLine(Invariant($"| {MarkdownText.Escape(detector.DetectorId)} | {week.WeekStart:yyyy-MM-dd} | {week.Alerts} | {week.HumanLabelled} | {week.TruePositives} | {ReportFormat.Percent(week.Precision)} |"));
            }
        }
    }

    private static string Condition(ProposalCondition condition)
    {
        var parts = new List<string>();
        if (condition.EntityField is not null)
        {
            parts.Add($"{condition.EntityField} = {MarkdownText.Escape(condition.EntityValue)}");
        }

        if (condition.ProposedSeverity is { } proposed)
        {
            parts.Add($"severity {condition.CurrentSeverity?.ToString().ToLowerInvariant()} → {proposed.ToString().ToLowerInvariant()}");
        }

        if (condition.Technique is not null)
        {
            parts.Add("technique " + MarkdownText.Escape(condition.Technique));
        }

        if (condition.NewHumanVerdicts is { } fresh)
        {
            parts.Add(Invariant($"{fresh} new human verdicts ≥ {condition.RetrainThreshold}"));
        }

        return parts.Count == 0 ? "whole rule" : string.Join("; ", parts);
    }

    private static string Evidence(ProposalEvidence evidence) =>
        Invariant($"{evidence.Alerts} alerts (TP {evidence.TruePositives}, BP {evidence.BenignPositives}, FP {evidence.FalsePositives}, automation {evidence.AutomationVerdicts}); cases: {MarkdownText.Escape(string.Join(", ", evidence.CaseIds), 400)}; period {ReportFormat.Time(evidence.PeriodStart)} to {ReportFormat.Time(evidence.PeriodEnd)}");

    private static string KindName(ProposalKind kind) => kind switch
    {
        ProposalKind.Suppression => "suppression",
        ProposalKind.LowerSeverity => "lower severity",
        ProposalKind.RaiseSeverity => "raise severity",
        ProposalKind.ReviewRule => "review or disable rule",
        ProposalKind.CoverageGap => "coverage gap",
        _ => "retrain model",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
