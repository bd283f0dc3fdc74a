using System.CommandLine;
using System.Globalization;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Proposals;
using AiSoc.Core.Tuning.Reports;

namespace AiSoc.Cli.Commands;

/// <summary><c>aisoc tune</c>: measure detections against case outcomes and write tuning proposals for review.</summary>
internal static class TuneCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        var paths = new Argument<string[]>("paths") { Description = TuneInputs.PathsDescription, Arity = ArgumentArity.OneOrMore };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Output folder for tuning-report.md and proposals.json; created when missing, files in it are replaced.",
            Required = true,
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "JSON file with tuning thresholds: minimum cases, suppression days, IP prefix lengths, rare techniques (see docs/tuning.md). Defaults apply when omitted.",
        };
        var since = new Option<string?>("--since") { Description = TuneInputs.SinceDescription };
        var until = new Option<string?>("--until") { Description = TuneInputs.UntilDescription };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary line and errors." };

        var command = new Command("tune", "Measure each detector against analyst verdicts and propose suppressions, severity changes, rule reviews, coverage gaps and retraining.")
        {
            paths, outDirectory, config, since, until, quiet,
        };
        command.SetAction(parseResult => Run(
            new TuneRequest(parseResult.GetValue(paths)!, parseResult.GetValue(outDirectory)!, parseResult.GetValue(config),
                parseResult.GetValue(since), parseResult.GetValue(until), parseResult.GetValue(quiet)),
            output, error, timeProvider));
        return command;
    }

    private static int Run(TuneRequest request, TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        if (TuneInputs.ParsePeriod(request.Since, request.Until, error) is not { } period)
        {
            return ExitCodes.Usage;
        }

        if (TuneInputs.LoadOptions(request.ConfigPath, error) is not { } options)
        {
            return ExitCodes.ConfigError;
        }

        using var loggerFactory = TuneInputs.CreateLoggerFactory(request.Quiet);
        var (outcomes, exitCode) = TuneInputs.Load(request.Paths, options, loggerFactory, error);
        if (outcomes is null)
        {
            return exitCode;
        }

        var analysis = TuningAnalysis.Run(outcomes.Outcomes, period, new TuningProposer(options, timeProvider));
        var document = new ProposalsDocument
        {
            GeneratedAt = timeProvider.GetUtcNow(),
            PeriodStart = analysis.Performance.PeriodStart,
            PeriodEnd = analysis.Performance.PeriodEnd,
            Proposals = analysis.Proposals,
        };

        try
        {
            Directory.CreateDirectory(request.OutDirectory);
            File.WriteAllText(Path.Combine(request.OutDirectory, "tuning-report.md"),
                TuningReportWriter.Render(analysis, outcomes.Files, outcomes.Rejects.Count));
            document.Write(Path.Combine(request.OutDirectory, "proposals.json"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write output folder {request.OutDirectory}: {exception.Message}");
            return ExitCodes.OutputError;
        }

        output.WriteLine(Summary(analysis, request.OutDirectory));
        return ExitCodes.Success;
    }

    private static string Summary(TuningAnalysis analysis, string outDirectory)
    {
        var byKind = analysis.Proposals.GroupBy(p => p.Kind).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {KindLabel(g.Key)}"));
        var kinds = analysis.Proposals.Count == 0 ? "" : " (" + string.Join(", ", byKind) + ")";
        return string.Create(CultureInfo.InvariantCulture,
            $"{analysis.Outcomes.Count} alerts, {analysis.Metrics.HumanLabelled} human verdicts, {analysis.Performance.Detectors.Count} detectors: {analysis.Proposals.Count} proposals{kinds}. Wrote {Path.Combine(outDirectory, "tuning-report.md")} and proposals.json.");
    }

    private static string KindLabel(ProposalKind kind) => kind switch
    {
        ProposalKind.Suppression => "suppression",
        ProposalKind.LowerSeverity => "lower-severity",
        ProposalKind.RaiseSeverity => "raise-severity",
        ProposalKind.ReviewRule => "review-rule",
        ProposalKind.CoverageGap => "coverage-gap",
        _ => "retrain-model",
    };

    private sealed record TuneRequest(string[] Paths, string OutDirectory, string? ConfigPath, string? Since, string? Until, bool Quiet);
}
