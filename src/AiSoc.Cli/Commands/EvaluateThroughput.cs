using System.Diagnostics;
using System.Globalization;
using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Single-threaded batch scoring speed: feature building plus the three binary models. Wall-clock time depends on
/// other processes on the machine, so the process CPU time (this thread plus any runtime threads, such as the
/// garbage collector) is recorded too.
/// </summary>
internal sealed record ThroughputResult(
    int Alerts,
    double Seconds,
    double AlertsPerSecond,
    double FeatureSeconds,
    double ModelSeconds,
    double CpuSeconds,
    double AlertsPerCpuSecond,
    string Processor);

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

        // A warm-up pass long enough for tiered compilation to promote the hot loops, so JIT time is not counted.
        model.PredictBatch(batch.Take(20_000).Select(alert => model.Features.Build(alert, history)).ToArray());

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var vectors = new float[batch.Length][];
        for (var i = 0; i < batch.Length; i++)
        {
            vectors[i] = model.Features.Build(batch[i], history);
        }

        var featureSeconds = stopwatch.Elapsed.TotalSeconds;
        model.PredictBatch(vectors);
        stopwatch.Stop();
        process.Refresh();

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new ThroughputResult(
            count, seconds, count / seconds, featureSeconds, seconds - featureSeconds, cpuSeconds, count / cpuSeconds, ProcessorName());
    }

    public static void Print(ThroughputResult result, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Throughput: {result.Alerts} alerts scored in {result.Seconds:0.000} s on one thread, {result.AlertsPerSecond:N0} alerts/s ({result.Processor})"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  features {result.FeatureSeconds:0.000} s, models {result.ModelSeconds:0.000} s; process CPU time {result.CpuSeconds:0.000} s, {result.AlertsPerCpuSecond:N0} alerts per CPU second"));
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
