using System.Diagnostics;
using System.Globalization;
using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;

namespace AiSoc.Cli.Commands;

/// <summary>Single-threaded batch scoring speed: feature building plus the three binary models.</summary>
internal sealed record ThroughputResult(int Alerts, double Seconds, double AlertsPerSecond, string Processor);

/// <summary>Measures batch scoring throughput of a model on repeated labelled alerts on the calling thread.</summary>
internal static class EvaluateThroughput
{
    /// <summary>
    /// Scores <paramref name="count"/> alerts (the data repeated) in one batch. Without a saved model, one is trained
    /// on all the data first; training time is not measured.
    /// </summary>
    public static ThroughputResult Measure(TriageModel? model, IReadOnlyList<TriageAlert> alerts, int count, TrainingOptions options)
    {
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(alerts), options.HistoryMargin);
        model ??= new TriageModelTrainer(options, TimeProvider.System).Train(alerts, history);
        var batch = Enumerable.Range(0, count).Select(i => alerts[i % alerts.Count]).ToArray();

        // One warm-up pass so JIT compilation is not counted.
        model.PredictBatch(batch.Take(1000).Select(alert => model.Features.Build(alert, history)).ToArray());

        var stopwatch = Stopwatch.StartNew();
        var vectors = new float[batch.Length][];
        for (var i = 0; i < batch.Length; i++)
        {
            vectors[i] = model.Features.Build(batch[i], history);
        }

        model.PredictBatch(vectors);
        stopwatch.Stop();

        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new ThroughputResult(count, seconds, count / seconds, ProcessorName());
    }

    public static void Print(ThroughputResult result, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Throughput: {result.Alerts} alerts scored in {result.Seconds:0.000} s on one thread, {result.AlertsPerSecond:N0} alerts/s ({result.Processor})"));
    }

    private static string ProcessorName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return "processor unknown";
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "processor unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
