using System.Globalization;
using System.Text;
using AiSoc.Core.Output;

namespace AiSoc.Core.Baselines;

/// <summary>Writes <c>anomalies.ndjson</c>, <c>rejects.ndjson</c> and <c>baseline-report.md</c> into one folder.</summary>
public static class BaselineOutputWriter
{
    public const string AnomaliesFile = "anomalies.ndjson";
    public const string RejectsFile = "rejects.ndjson";
    public const string ReportFile = "baseline-report.md";

    private const int TopAnomalies = 20;
    private const int TopRejectReasons = 10;

    /// <summary>Creates <paramref name="directory"/> when needed and writes every output file, replacing old ones.</summary>
    public static void Write(BaselineRun run, string directory)
    {
        ArgumentNullException.ThrowIfNull(run);

        Directory.CreateDirectory(directory);
        NdjsonWriter.Write(Path.Combine(directory, AnomaliesFile), run.Alerts);
        NdjsonWriter.Write(Path.Combine(directory, RejectsFile), run.Telemetry.Rejects);
        File.WriteAllText(Path.Combine(directory, ReportFile), RenderReport(run));
    }

    /// <summary>Returns the report as Markdown: counts, anomalies by kind, the highest-scoring anomalies and reject reasons.</summary>
    public static string RenderReport(BaselineRun run)
    {
        ArgumentNullException.ThrowIfNull(run);

        var telemetry = run.Telemetry;
        var md = new StringBuilder();
        md.AppendLine("# AiSoc baseline report").AppendLine();
        md.AppendLine(Invariant($"Read {telemetry.Records} rows from {run.Files.Count} files: {telemetry.SignIns.Count} sign-ins, {telemetry.Logons.Count} Windows logons and {telemetry.Processes.Count} process creations."));
        md.AppendLine(Invariant($"Skipped {telemetry.DuplicateSignIns} duplicate sign-in rows and rejected {telemetry.Rejects.Count} rows."));
        md.AppendLine(Invariant($"Counted {run.Result.Observed} observations into the baselines; skipped {run.Result.Skipped} already counted by an earlier run."));
        md.AppendLine(Invariant($"The state now covers {run.State.Users.Count} users, {run.State.Accounts.Count} Windows accounts and {run.State.Hosts.Count} hosts."));

        md.AppendLine().AppendLine("## Anomalies by kind").AppendLine();
        if (run.Result.Anomalies.Count == 0)
        {
            md.AppendLine("No anomalies.");
        }
        else
        {
            md.AppendLine("| Detector | Anomalies |").AppendLine("|---|---:|");
            foreach (var group in run.Result.Anomalies.GroupBy(a => a.Kind).OrderBy(g => g.Key))
            {
                md.AppendLine(Invariant($"| {AnomalyCatalog.Describe(group.Key).DetectorId} | {group.Count()} |"));
            }

            AppendTopAnomalies(md, run);
        }

        AppendRejects(md, run);
        return md.ToString();
    }

    private static void AppendTopAnomalies(StringBuilder md, BaselineRun run)
    {
        md.AppendLine().AppendLine("## Highest-scoring anomalies").AppendLine();
        md.AppendLine("| Time (UTC) | Detector | Subject | Score | Reason |").AppendLine("|---|---|---|---:|---|");
        var top = run.Result.Anomalies.OrderByDescending(a => a.Score).ThenBy(a => a.Time).Take(TopAnomalies);
        foreach (var anomaly in top)
        {
            md.AppendLine(Invariant($"| {anomaly.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} | {AnomalyCatalog.Describe(anomaly.Kind).DetectorId} | {MarkdownText.Escape(anomaly.Subject)} | {anomaly.Score:0.00} | {MarkdownText.Escape(anomaly.Reason, 400)} |"));
        }
    }

    private static void AppendRejects(StringBuilder md, BaselineRun run)
    {
        if (run.Telemetry.Rejects.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## Most common reject reasons").AppendLine();
        md.AppendLine("| Rows | Reason |").AppendLine("|---:|---|");
        var reasons = run.Telemetry.Rejects.GroupBy(r => r.Reason, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TopRejectReasons);
        foreach (var group in reasons)
        {
            md.AppendLine(Invariant($"| {group.Count()} | {MarkdownText.Escape(group.Key, 300)} |"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
