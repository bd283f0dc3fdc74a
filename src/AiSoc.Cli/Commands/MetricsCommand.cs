using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Performance;
using AiSoc.Core.Tuning.Reports;

namespace AiSoc.Cli.Commands;

/// <summary><c>aisoc metrics</c>: SOC accuracy and response-time figures against analyst verdicts.</summary>
internal static class MetricsCommand
{
    private static readonly JsonSerializerOptions IndentedOptions = new(OutputJson.Options) { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = TuneInputs.PathsDescription, Arity = ArgumentArity.OneOrMore };
        PathArgumentValidation.RejectOptionLikeTokens(paths);
        var since = new Option<string?>("--since") { Description = TuneInputs.SinceDescription };
        var until = new Option<string?>("--until") { Description = TuneInputs.UntilDescription };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the figures and errors." };

        var command = new Command("metrics", "Print triage accuracy against analyst verdicts, false-positive rate, mean times to triage and contain, and autonomous versus escalated cases.")
        {
            paths, since, until, json, quiet,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(paths)!, parseResult.GetValue(since), parseResult.GetValue(until),
            parseResult.GetValue(json), parseResult.GetValue(quiet), output, error));
        return command;
    }

    private static int Run(string[] paths, string? since, string? until, string? jsonPath, bool quiet, TextWriter output, TextWriter error)
    {
        if (TuneInputs.ParsePeriod(since, until, error) is not { } period)
        {
            return ExitCodes.Usage;
        }

        var options = new TuningOptions();
        using var loggerFactory = TuneInputs.CreateLoggerFactory(quiet);
        var (outcomes, exitCode) = TuneInputs.Load(paths, options, loggerFactory, error);
        if (outcomes is null)
        {
            return exitCode;
        }

        var metrics = SocMetrics.Compute(period.Select(outcomes.Outcomes), period);
        if (jsonPath is not null)
        {
            try
            {
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(metrics, IndentedOptions) + "\n");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"Cannot write {jsonPath}: {exception.Message}");
                return ExitCodes.OutputError;
            }
        }

        output.Write(Format(metrics));
        return ExitCodes.Success;
    }

    private static string Format(SocMetrics m) => string.Create(CultureInfo.InvariantCulture, $"""
        Period: {ReportFormat.Time(m.PeriodStart)} to {ReportFormat.Time(m.PeriodEnd)}
        Alerts: {m.Alerts} in {m.Cases} cases
        Human verdicts: {m.HumanLabelled} (TP {m.TruePositives}, BP {m.BenignPositives}, FP {m.FalsePositives}); automation verdicts not used as labels: {m.AutomationVerdicts}
        Triage accuracy against analyst verdicts: {ReportFormat.Percent(m.TriageAccuracy)} over {m.TriageCompared} alerts
        False-positive rate: {ReportFormat.Percent(m.FalsePositiveRate)}
        Mean time to triage: {ReportFormat.Minutes(m.MeanTimeToTriageMinutes)}
        Mean time to contain: {ReportFormat.Minutes(m.MeanTimeToContainMinutes)}
        Cases handled autonomously: {m.HandledAutonomously}; escalated: {m.Escalated}

        """);
}
