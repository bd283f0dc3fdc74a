using System.Globalization;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Cli.Commands;

/// <summary>The one-line summary that <c>aisoc triage</c> prints on success.</summary>
internal static class TriageSummary
{
    public static string Format(TriageResult result, string outDirectory)
    {
        var ingest = result.Ingest;
        var malicious = ingest.Alerts.Count(a => a.Verdict == Verdict.Malicious);
        var needsContext = ingest.Alerts.Count(a => a.Verdict == Verdict.NeedsContext);
        return string.Create(CultureInfo.InvariantCulture,
            $"Triaged {ingest.RecordsRead} records from {ingest.Files.Count} files: {ingest.RecordsNormalized} normalized, {ingest.Rejects.Count} rejected; " +
            $"{ingest.Alerts.Count} alerts ({ingest.DuplicatesMerged} duplicates merged, {malicious} malicious, {needsContext} need context) in {result.Incidents.Count} incidents; " +
            $"{result.Elapsed.TotalSeconds:0.0} s; output in {outDirectory}");
    }
}
