using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Output;
using AiSoc.Core.Triage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Cli.Benchmarks;

/// <summary>
/// Generates the replicated input, then measures (1) a single-threaded <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// of every line and (2) the whole triage (parse, normalize, deduplicate, correlate, score) on every core, and
/// prints a Markdown table. Peak memory is the process's peak working set, read after the triage and before the
/// baseline so that the baseline does not count.
/// </summary>
internal static class TriageBenchmark
{
    public static int Run(BenchSettings settings, TextWriter output)
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        var input = Path.Combine(settings.WorkDirectory, "replicated-alerts.ndjson");
        try
        {
            var templates = AlertTemplate.Load(settings.TemplatePaths)
                .Where(t => settings.Format is null || t.Format == settings.Format)
                .ToList();
            if (templates.Count == 0)
            {
                output.WriteLine(settings.Format is null
                    ? "No alert records found in the template paths; nothing to measure."
                    : $"No alert records of format '{settings.Format}' found in the template paths; nothing to measure.");
                return ExitCodes.InputError;
            }

            var formats = string.Join(", ", templates.GroupBy(t => t.Format).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Invariant($"{g.Key} {g.Count()}")));
            output.WriteLine("Templates by format: " + formats + ".");

            var (lines, bytes) = Generate(templates, input, settings.TargetBytes);
            output.WriteLine(Invariant($"Generated {lines:N0} alerts ({bytes / 1048576.0:0.0} MiB, {bytes / (double)lines:0} bytes per alert) from {templates.Count} templates."));

            var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
            var triage = MeasureTriage(input, settings);
            var peakAfterTriage = Process.GetCurrentProcess().PeakWorkingSet64;
            var baseline = MeasureBaseline(input);

            Print(output, lines, bytes, baseline, triage, settings.Workers, peakBefore, peakAfterTriage);
            return ExitCodes.Success;
        }
        finally
        {
            if (!settings.Keep)
            {
                Directory.Delete(settings.WorkDirectory, recursive: true);
            }
        }
    }

    private static (long Lines, long Bytes) Generate(List<AlertTemplate> templates, string path, long targetBytes)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        long lines = 0;
        long bytes = 0;
        while (bytes < targetBytes)
        {
            var line = templates[(int)(lines % templates.Count)].Replicate(lines / templates.Count);
            writer.Write(line);
            writer.Write('\n');
            bytes += Encoding.UTF8.GetByteCount(line) + 1;
            lines++;
        }

        return (lines, bytes);
    }

    private static TimeSpan MeasureBaseline(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        long parsed = 0;
        foreach (var batch in NdjsonReader.Read(path, path))
        {
            foreach (var record in batch.Records)
            {
                using var document = JsonDocument.Parse(record.Bytes);
                parsed += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
            }
        }

        return stopwatch.Elapsed;
    }

    private static TriageMeasurement MeasureTriage(string path, BenchSettings settings)
    {
        GC.Collect();
        var runner = TriageServices.CreateRunner(TriageConfiguration.Default(), NullLoggerFactory.Instance, settings.Workers);

        var pauseBefore = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        var result = runner.Run(InputCatalog.Expand([path]));
        var triageTime = stopwatch.Elapsed;
        var gcPause = GC.GetTotalPauseDuration() - pauseBefore;

        var outDirectory = Path.Combine(settings.WorkDirectory, "out");
        stopwatch.Restart();
        TriageOutputWriter.Write(result, outDirectory);
        var writeTime = stopwatch.Elapsed;

        return new TriageMeasurement(triageTime, writeTime, result.Ingest.Alerts.Count, result.Ingest.Rejects.Count, result.Incidents.Count, gcPause);
    }

    private static void Print(TextWriter output, long lines, long bytes, TimeSpan baseline, TriageMeasurement triage, int workers, long peakBefore, long peakAfterTriage)
    {
        var mib = bytes / 1048576.0;
        output.WriteLine();
        output.WriteLine("| Measurement | Time (s) | Alerts/s | MiB/s | Ratio to baseline |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        output.WriteLine(Row("JsonDocument.Parse of every line, 1 thread", baseline, lines, mib, baseline));
        output.WriteLine(Row(Invariant($"Triage: parse, normalize, deduplicate, correlate, score ({workers} workers)"), triage.Triage, lines, mib, baseline));
        output.WriteLine(Row("Triage plus writing the output files", triage.Triage + triage.Write, lines, mib, baseline));
        output.WriteLine();
        output.WriteLine(Invariant($"Distinct alerts: {triage.Alerts:N0} of {lines:N0} lines; rejects: {triage.Rejects:N0}; incidents: {triage.Incidents:N0}."));
        output.WriteLine(Invariant($"GC pauses during triage: {triage.GcPause.TotalSeconds:0.00} s ({triage.GcPause.TotalSeconds / triage.Triage.TotalSeconds:P0} of triage time)."));
        output.WriteLine(Invariant($"Peak working set: {peakAfterTriage / 1048576.0:0} MiB after triage ({peakBefore / 1048576.0:0} MiB before it). Processors: {Environment.ProcessorCount}. Server GC: {System.Runtime.GCSettings.IsServerGC}."));
    }

    private static string Row(string name, TimeSpan time, long lines, double mib, TimeSpan baseline) =>
        Invariant($"| {name} | {time.TotalSeconds:0.00} | {lines / time.TotalSeconds:N0} | {mib / time.TotalSeconds:0.0} | {time.TotalSeconds / baseline.TotalSeconds:0.00} |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record TriageMeasurement(TimeSpan Triage, TimeSpan Write, int Alerts, int Rejects, int Incidents, TimeSpan GcPause);
}
