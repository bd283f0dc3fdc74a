using System.Globalization;
using System.Text;
using AiSoc.Core.Audit;
using AiSoc.Core.Output;
using AiSoc.Core.Response;

namespace AiSoc.Investigations.Services;

/// <summary>
/// Renders the Markdown case report of one investigation: verdict and evidence, response plan, decisions, action
/// outcomes and the audit timeline from <see cref="CaseReportRenderer"/>. Every text that may come from an alert
/// is escaped.
/// </summary>
public static class CaseReportBuilder
{
    public static string Build(CaseRecord record, IReadOnlyList<AuditRecord> audit)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(audit);

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"# Case report: {MarkdownText.Escape(record.Title)}").AppendLine().AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"- Incident: `{MarkdownText.Escape(record.IncidentId)}`").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"- Investigation: `{MarkdownText.Escape(record.InvestigationId)}`").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"- Started: {Time(record.StartedAt)} UTC; completed: {Time(record.CompletedAt)} UTC").AppendLine().AppendLine();

        AppendVerdict(builder, record);
        AppendPlan(builder, record);
        AppendDecisions(builder, record);
        AppendUpdates(builder, record);
        AppendOutcomes(builder, record);
        AppendTimeline(builder, record, audit);
        return builder.ToString();
    }

    private static void AppendVerdict(StringBuilder builder, CaseRecord record)
    {
        var confidence = record.Confidence is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
        builder.AppendLine("## Verdict").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"**{VerdictNames.Name(record.Verdict)}**, confidence {confidence}.").AppendLine().AppendLine();
        builder.AppendLine("Evidence:").AppendLine();
        foreach (var line in record.Evidence)
        {
            builder.Append("- ").AppendLine(MarkdownText.Escape(line, 240));
        }

        builder.AppendLine();
    }

    private static void AppendPlan(StringBuilder builder, CaseRecord record)
    {
        builder.AppendLine("## Response plan").AppendLine();
        if (record.PlanHash is null)
        {
            builder.AppendLine("No response plan: no playbook applies to this benign incident.").AppendLine();
            return;
        }

        builder.Append(CultureInfo.InvariantCulture, $"Playbook `{MarkdownText.Escape(record.PlaybookId)}`, plan hash `{PlanHasher.Shorten(record.PlanHash)}`.").AppendLine().AppendLine();
        builder.AppendLine("| Action | Target | Impact |");
        builder.AppendLine("|---|---|---|");
        foreach (var action in record.PlannedActions)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Escape(action.ActionName)} | {MarkdownText.Escape(action.TargetKind)} {MarkdownText.Escape(action.TargetDisplayName, 120)} | {action.Impact.ToString().ToLowerInvariant()} |").AppendLine();
        }

        builder.AppendLine();
    }

    private static void AppendDecisions(StringBuilder builder, CaseRecord record)
    {
        builder.AppendLine("## Decisions").AppendLine();
        if (record.Decisions.Count == 0)
        {
            builder.AppendLine("No approval was requested.").AppendLine();
            return;
        }

        foreach (var decision in record.Decisions)
        {
            var decider = decision.DecidedBy is null ? "nobody" : MarkdownText.Escape(decision.DecidedBy);
            var when = decision.DecidedAt is { } at ? Time(at) + " UTC" : "never";
            if (decision.WithdrawnReason is not null)
            {
                builder.Append(CultureInfo.InvariantCulture, $"- Approval `{decision.ApprovalId}`: **withdrawn** at {when}: {MarkdownText.Escape(decision.WithdrawnReason, 240)}.");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"- Approval `{decision.ApprovalId}`: **{decision.Status.ToString().ToLowerInvariant()}** by {decider} at {when}.");
            }

            if (decision.Comment is not null && decision.WithdrawnReason is null)
            {
                builder.Append(" Comment: ").Append(MarkdownText.Escape(decision.Comment, 240));
            }

            if (decision.LateDecision is not null)
            {
                builder.Append(" Late decision, no effect: ").Append(MarkdownText.Escape(decision.LateDecision, 240));
            }

            builder.AppendLine();
        }

        builder.AppendLine();
    }

    private static void AppendUpdates(StringBuilder builder, CaseRecord record)
    {
        if (record.IncidentUpdateCount == 0)
        {
            return;
        }

        var times = string.Join(", ", record.IncidentUpdateTimes.Select(time => Time(time) + " UTC"));
        builder.Append(CultureInfo.InvariantCulture, $"The incident was delivered again {record.IncidentUpdateCount} time(s) during the investigation. Latest deliveries: {times}.").AppendLine().AppendLine();
    }

    private static void AppendOutcomes(StringBuilder builder, CaseRecord record)
    {
        builder.AppendLine("## Actions").AppendLine();
        builder.AppendLine("| Action | Policy | Result | Reasons |");
        builder.AppendLine("|---|---|---|---|");
        foreach (var outcome in record.Actions)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Escape(outcome.IdempotencyKey, 200)} | {DispositionName(outcome.Disposition)} | {MarkdownText.Escape(outcome.Result)} | {MarkdownText.Escape(string.Join("; ", outcome.Reasons), 300)} |").AppendLine();
        }

        builder.AppendLine();
    }

    private static void AppendTimeline(StringBuilder builder, CaseRecord record, IReadOnlyList<AuditRecord> audit)
    {
        // The renderer starts with its own title line; the rest (summary and timeline table) is kept as is.
        var rendered = CaseReportRenderer.Render(record.InvestigationId, audit);
        var body = rendered[(rendered.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimStart('\n', '\r');
        builder.AppendLine("## Audit trail").AppendLine();
        builder.Append(body);
    }

    private static string DispositionName(ActionDisposition disposition) => disposition switch
    {
        ActionDisposition.AutoExecute => "auto-execute",
        ActionDisposition.RequireApproval => "require-approval",
        _ => "block",
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
