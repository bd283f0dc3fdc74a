using System.Globalization;
using Microsoft.DurableTask.Client;

namespace AiSoc.Cli.Commands;

/// <summary>Prints the outcome of an investigate run, and throughput for a synthetic run.</summary>
internal static class InvestigateSummary
{
    public static void Write(TextWriter output, TextWriter error, IReadOnlyList<InvestigateRun.Completed> completed, string outDirectory, TimeSpan elapsed, bool throughput)
    {
        foreach (var failed in completed.Where(result => result.Status != OrchestrationRuntimeStatus.Completed))
        {
            error.WriteLine($"Investigation {failed.InvestigationId} ended as {failed.Status}: {failed.Failure ?? "no failure details"}");
        }

        var outcomes = completed.Where(result => result.Record is not null).SelectMany(result => result.Record!.Actions).ToList();
        var byResult = outcomes.GroupBy(outcome => outcome.Result).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Count()} {group.Key}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Investigated {completed.Count} incidents ({completed.Count(result => result.Record is not null)} completed) in {elapsed.TotalSeconds:0.0} s; actions: {(outcomes.Count == 0 ? "none" : string.Join(", ", byResult))}. Case reports in {outDirectory}."));

        if (throughput && completed.Count > 0)
        {
            var times = completed.Select(result => result.Elapsed.TotalMilliseconds).Order().ToList();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Throughput: {completed.Count / elapsed.TotalSeconds:0.0} investigations/s; median time per investigation {median:0} ms from scheduling to completion."));
        }
    }
}
