using AiSoc.Core.Triage;

namespace AiSoc.Core.Output;

/// <summary>
/// Writes the files of the triage output contract into one folder: <c>alerts.ndjson</c>, <c>incidents.json</c>,
/// <c>rejects.ndjson</c> and <c>report.md</c>.
/// </summary>
public static class TriageOutputWriter
{
    public const string AlertsFile = "alerts.ndjson";
    public const string IncidentsFile = "incidents.json";
    public const string RejectsFile = "rejects.ndjson";
    public const string ReportFile = "report.md";

    /// <summary>Creates <paramref name="directory"/> when needed and writes every output file, replacing old ones.</summary>
    public static void Write(TriageResult result, string directory)
    {
        Directory.CreateDirectory(directory);

        NdjsonWriter.Write(Path.Combine(directory, AlertsFile), result.Ingest.Alerts);
        NdjsonWriter.Write(Path.Combine(directory, RejectsFile), result.Ingest.Rejects);

        JsonLinesArrayWriter.Write(Path.Combine(directory, IncidentsFile), result.Incidents);

        File.WriteAllText(Path.Combine(directory, ReportFile), TriageReportWriter.Render(result));
    }
}
