using System.Globalization;
using System.Text;
using AiSoc.Core.Output;

namespace AiSoc.Core.Audit;

/// <summary>Renders one investigation's audit records as a Markdown case report with a timeline table.</summary>
public static class CaseReportRenderer
{
    public static string Render(string investigationId, IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"# Case report: {MarkdownText.Escape(investigationId)}").AppendLine().AppendLine();

        if (records.Count == 0)
        {
            builder.AppendLine("No audit records.");
            return builder.ToString();
        }

        var first = records[0].Timestamp;
        var last = records[^1].Timestamp;
        builder.Append(CultureInfo.InvariantCulture, $"- Records: {records.Count}").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"- From: {Time(first)}").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"- To: {Time(last)}").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"- Last record hash: `{records[^1].Hash}`").AppendLine().AppendLine();

        builder.AppendLine("## Timeline").AppendLine();
        builder.AppendLine("| # | Time (UTC) | Kind | Step | Actor | Outcome | Inputs |");
        builder.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var record in records)
        {
            var inputs = string.Join("; ", record.Inputs.Select(pair => $"{pair.Key}={pair.Value}"));
            builder.Append(CultureInfo.InvariantCulture,
                $"| {record.Sequence} | {Time(record.Timestamp)} | {MarkdownText.Escape(record.Kind)} | {MarkdownText.Escape(record.Name)} | {MarkdownText.Escape(record.Actor)} | {MarkdownText.Escape(record.Outcome)} | {MarkdownText.Escape(inputs, 240)} |");
            builder.AppendLine();
        }

        return builder.ToString();
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
