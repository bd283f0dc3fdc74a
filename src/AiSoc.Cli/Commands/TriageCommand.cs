using System.CommandLine;
using AiSoc.Core.Ingest;
using AiSoc.Core.Output;
using AiSoc.Core.Scoring;
using AiSoc.Core.Triage;
using AiSoc.Core.Tuning.Suppressions;
using AiSoc.Learning.Scoring;
using Microsoft.Extensions.Logging;

namespace AiSoc.Cli.Commands;

/// <summary><c>aisoc triage</c>: normalize, score and correlate alert files, and write the output contract files.</summary>
internal static partial class TriageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Alert files or folders to read (NDJSON, JSON arrays or objects, API list responses, CSV exports). Folders are read recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Output folder for alerts.ndjson, incidents.json, rejects.ndjson and report.md; created when missing, files in it are replaced.",
            Required = true,
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "JSON file with privileged accounts, critical hosts, verdict thresholds and correlation limits (see docs/configuration.md). Defaults apply when omitted.",
        };
        var workers = new Option<int?>("--workers")
        {
            Description = "Number of worker threads for normalization and scoring. Default: one per processor core.",
        };
        var model = new Option<string?>("--model")
        {
            Description = "Model zip from 'aisoc train'. Alerts are then scored by the learned model, with the rule score as one of its features. A missing or invalid file prints a warning and triage uses the rules alone.",
        };
        var suppressions = new Option<string?>("--suppressions")
        {
            Description = "Suppressions file written by 'aisoc apply-suppression'. Alerts that a suppression in force covers are kept, scored 0 and marked benign with a reason naming the suppression.",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only the summary line and errors, with no progress or log lines.",
        };

        var command = new Command("triage", "Normalize, score and correlate security alerts from files, and write the results to a folder.")
        {
            paths, outDirectory, config, workers, model, suppressions, quiet,
        };
        command.SetAction(parseResult => Run(
            new TriageRequest(
                parseResult.GetValue(paths)!,
                parseResult.GetValue(outDirectory)!,
                parseResult.GetValue(config),
                parseResult.GetValue(workers),
                parseResult.GetValue(model),
                parseResult.GetValue(suppressions),
                parseResult.GetValue(quiet)),
            output,
            error));
        return command;
    }

    private static int Run(TriageRequest request, TextWriter output, TextWriter error)
    {
        if (request.Workers is < 1)
        {
            error.WriteLine($"Invalid --workers {request.Workers}: expected 1 or more.");
            return ExitCodes.Usage;
        }

        TriageConfiguration configuration;
        try
        {
            configuration = request.ConfigPath is null ? TriageConfiguration.Default() : TriageConfiguration.Load(request.ConfigPath);
        }
        catch (TriageConfigurationException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.ConfigError;
        }

        InputCatalog catalog;
        try
        {
            catalog = InputCatalog.Expand(request.Paths);
        }
        catch (FileNotFoundException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        SuppressionMatcher? matcher = null;
        if (request.SuppressionsPath is { } suppressionsPath)
        {
            if (!File.Exists(suppressionsPath))
            {
                error.WriteLine($"Suppressions file {suppressionsPath} was not found.");
                return ExitCodes.ConfigError;
            }

            try
            {
                matcher = new SuppressionMatcher(SuppressionStore.ReadSuppressions(suppressionsPath), DateTimeOffset.UtcNow);
            }
            catch (SuppressionException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.ConfigError;
            }
        }

        using var loggerFactory = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(options => options.SingleLine = true)
            .SetMinimumLevel(request.Quiet ? LogLevel.Warning : LogLevel.Information));
        var workers = request.Workers ?? Environment.ProcessorCount;
        IAlertScorer scorer = request.ModelPath is null
            ? new RuleBasedScorer(configuration.Scoring)
            : CreateLearnedScorer(configuration, request, error);
        if (matcher is not null)
        {
            scorer = new SuppressingScorer(scorer, matcher);
        }

        var runner = TriageServices.CreateRunner(configuration, scorer, loggerFactory, workers);

        TriageResult result;
        try
        {
            using var progress = request.Quiet ? null : new ConsoleProgress(error);
            result = runner.Run(catalog, progress);
        }
        catch (InputReadException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        try
        {
            TriageOutputWriter.Write(result, request.OutDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write output folder {request.OutDirectory}: {exception.Message}");
            return ExitCodes.OutputError;
        }

        output.WriteLine(TriageSummary.Format(result, request.OutDirectory));
        return ExitCodes.Success;
    }

    // A model that cannot be loaded is not an error: triage still runs on the rules, and the warning reports the fallback.
    private static LearnedAlertScorer CreateLearnedScorer(TriageConfiguration configuration, TriageRequest request, TextWriter error)
    {
        var scorer = TriageServices.CreateLearnedScorer(configuration, request.ModelPath!);
        if (!scorer.UsesModel)
        {
            error.WriteLine($"Warning: learned model not used, every alert gets the rule score. {scorer.UnavailableReason}");
        }
        else if (!request.Quiet)
        {
            error.WriteLine($"Scoring with the learned model in {request.ModelPath}.");
        }

        return scorer;
    }

    private sealed record TriageRequest(string[] Paths, string OutDirectory, string? ConfigPath, int? Workers, string? ModelPath, string? SuppressionsPath, bool Quiet);
}
