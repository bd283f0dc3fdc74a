using System.Globalization;
using System.Text;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Core.Output;

/// <summary>
/// Writes <c>report.md</c>: counts per source, severity and verdict, the top incidents with their timelines and
/// reasons, entities held back from correlation, and the most common reject reasons.
/// </summary>
public static class TriageReportWriter
{
    private const int TopIncidents = 10;
    private const int TopRejectReasons = 15;

    /// <summary>Returns the report as Markdown.</summary>
    public static string Render(TriageResult result)
    {
        var ingest = result.Ingest;
        var alerts = ingest.Alerts;
        var md = new StringBuilder();

        md.AppendLine("# AiSoc triage report").AppendLine();
        md.AppendLine(Invariant($"Read {ingest.RecordsRead} records from {ingest.Files.Count} files in {result.Elapsed.TotalSeconds:0.0} s."));
        md.AppendLine().AppendLine("| Records read | Normalized | Rejected | Distinct alerts | Duplicates merged | Incidents |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant($"| {ingest.RecordsRead} | {ingest.RecordsNormalized} | {ingest.Rejects.Count} | {alerts.Count} | {ingest.DuplicatesMerged} | {result.Incidents.Count} |"));

        CountTable(md, "Alerts by source", "Source", alerts.GroupBy(a => a.Source).Select(g => (g.Key, g.LongCount())));
        CountTable(md, "Alerts by severity", "Severity", alerts.GroupBy(a => a.Severity).OrderByDescending(g => g.Key).Select(g => (Name(g.Key), g.LongCount())));
        CountTable(md, "Alerts by verdict", "Verdict", alerts.GroupBy(a => a.Verdict).Select(g => (Name(g.Key), g.LongCount())));
        CountTable(md, "Records by format", "Format", ingest.RecordsByFormat.Select(p => (p.Key, p.Value)));

        AppendTopIncidents(md, result.Incidents, alerts.ToDictionary(a => a.Id, StringComparer.Ordinal));
        AppendHeldBack(md, result);
        AppendRejects(md, ingest.Rejects);

        if (ingest.SkippedFiles.Count > 0)
        {
            md.AppendLine().AppendLine("## Files not read").AppendLine();
            md.AppendLine("Files in the input folders whose extension is not .json, .ndjson, .jsonl or .csv:").AppendLine();
            foreach (var file in ingest.SkippedFiles)
            {
                md.AppendLine("- " + MarkdownText.Escape(file, 300));
            }
        }

        return md.ToString();
    }

    private static void AppendTopIncidents(StringBuilder md, IReadOnlyList<IncidentSummary> incidents, Dictionary<string, NormalizedAlert> alerts)
    {
        md.AppendLine().AppendLine("## Top incidents").AppendLine();
        if (incidents.Count == 0)
        {
            md.AppendLine("No incidents.");
            return;
        }

        var rank = 0;
        foreach (var incident in incidents.Take(TopIncidents))
        {
            rank++;
            md.AppendLine(Invariant($"### {rank}. {MarkdownText.Escape(incident.Title)}")).AppendLine();
            md.AppendLine(Invariant($"`{incident.Id}`: severity {Name(incident.Severity)}, verdict {Name(incident.Verdict)}, score {incident.Score}, {incident.AlertIds.Count} alerts from {string.Join(", ", incident.Sources)}."));
            if (incident.Tactics.Count > 0)
            {
                md.AppendLine().AppendLine("Attack chain: " + string.Join(" → ", incident.Tactics) + ".");
            }

            md.AppendLine().AppendLine(incident.Entities.Count == 0 ? "Entities: none." : "Entities: " + string.Join(", ", incident.Entities.Take(12).Select(e => MarkdownText.Escape(EntityDisplay.Describe(e), 80)))
                + (incident.Entities.Count > 12 ? Invariant($", and {incident.Entities.Count - 12} more") : string.Empty) + ".");

            md.AppendLine().AppendLine("| Time (UTC) | Alert | Severity | Tactics | Verdict | Score |");
            md.AppendLine("|---|---|---|---|---|---:|");
            foreach (var entry in incident.Timeline)
            {
                var alert = alerts[entry.AlertId];
                md.AppendLine(Invariant($"| {entry.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} | {MarkdownText.Escape(entry.Title, 100)} | {Name(entry.Severity)} | {string.Join(", ", entry.Tactics)} | {Name(alert.Verdict)} | {alert.Score} |"));
            }

            md.AppendLine().AppendLine("Reasons of the highest-scoring alert:").AppendLine();
            foreach (var reason in incident.Reasons)
            {
                md.AppendLine("- " + MarkdownText.Escape(reason, 300));
            }

            md.AppendLine();
        }
    }

    private static void AppendHeldBack(StringBuilder md, TriageResult result)
    {
        md.AppendLine().AppendLine("## Entities held back from correlation").AppendLine();
        if (result.HeldBackEntities.Count == 0)
        {
            md.AppendLine("None: every shared entity was allowed to link alerts.");
            return;
        }

        md.AppendLine("| Entity | Reason | Detail |").AppendLine("|---|---|---|");
        foreach (var held in result.HeldBackEntities.Take(50))
        {
            md.AppendLine(Invariant($"| {MarkdownText.Escape(held.Key, 100)} | {held.Reason} | {MarkdownText.Escape(held.Detail, 200)} |"));
        }
    }

    private static void AppendRejects(StringBuilder md, IReadOnlyList<Ingest.RejectedRecord> rejects)
    {
        md.AppendLine().AppendLine("## Rejected records").AppendLine();
        if (rejects.Count == 0)
        {
            md.AppendLine("None.");
            return;
        }

        md.AppendLine("Every rejected record is in `rejects.ndjson` with its file, record index and reason. Most common reasons:").AppendLine();
        md.AppendLine("| Records | Reason (first example) |").AppendLine("|---:|---|");
        var groups = rejects.GroupBy(r => ReasonKind(r.Reason)).OrderByDescending(g => g.Count()).Take(TopRejectReasons);
        foreach (var group in groups)
        {
            md.AppendLine(Invariant($"| {group.Count()} | {MarkdownText.Escape(group.First().Reason, 200)} |"));
        }
    }

    // Groups reasons by their text up to the first quoted value, so that one cause with many values is one row.
    private static string ReasonKind(string reason)
    {
        var quote = reason.IndexOfAny(['\'', '(']);
        return quote > 0 ? reason[..quote] : reason;
    }

    private static void CountTable(StringBuilder md, string heading, string column, IEnumerable<(string Name, long Count)> rows)
    {
        md.AppendLine().AppendLine("## " + heading).AppendLine();
        md.AppendLine(Invariant($"| {column} | Count |")).AppendLine("|---|---:|");
        foreach (var (name, count) in rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"| {MarkdownText.Escape(name)} | {count} |"));
        }
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Name(Verdict verdict) => verdict == Verdict.NeedsContext ? "needs-context" : verdict.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
