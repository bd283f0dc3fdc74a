using System.CommandLine;
using System.Globalization;
using AiSoc.Core.Baselines;
using AiSoc.Core.Ingest;

namespace AiSoc.Cli.Commands;

/// <summary><c>aisoc baseline</c>: update behavioral baselines from telemetry files and write the anomalies as alerts.</summary>
internal static class BaselineCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Telemetry files or folders to read: SigninLogs, SecurityEvent 4624/4625 and DeviceProcessEvents rows as JSON, NDJSON or CSV. Folders are read recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var state = new Option<string>("--state", "-s")
        {
            Description = "JSON file with the baseline state: read when it exists, then replaced with the updated state after the outputs are written.",
            Required = true,
        };
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Output folder for anomalies.ndjson, rejects.ndjson and baseline-report.md; created when missing, files in it are replaced.",
            Required = true,
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "JSON file with baseline thresholds and warm-up (see docs/baselines.md). Defaults apply when omitted.",
        };

        var command = new Command("baseline", "Update per-user, per-account and per-host behavioral baselines from telemetry, and write the anomalies as alerts.")
        {
            paths, state, outDirectory, config,
        };
        command.SetAction(parseResult => Run(
            new BaselineRequest(parseResult.GetValue(paths)!, parseResult.GetValue(state)!, parseResult.GetValue(outDirectory)!, parseResult.GetValue(config)),
            output,
            error));
        return command;
    }

    private static int Run(BaselineRequest request, TextWriter output, TextWriter error)
    {
        var options = new BaselineOptions();
        if (request.ConfigPath is not null)
        {
            var (loaded, message) = BaselineOptionsFile.Load(request.ConfigPath);
            if (loaded is null)
            {
                error.WriteLine(message);
                return ExitCodes.ConfigError;
            }

            options = loaded;
        }

        InputCatalog catalog;
        BaselineState state;
        try
        {
            catalog = InputCatalog.Expand(request.Paths);
            state = BaselineStateStore.Load(request.StatePath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or BaselineStateException)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        BaselineRun run;
        try
        {
            run = new BaselineRunner(options).Run(catalog, state);
        }
        catch (InputReadException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        try
        {
            BaselineOutputWriter.Write(run, request.OutDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write output folder {request.OutDirectory}: {exception.Message}");
            return ExitCodes.OutputError;
        }

        try
        {
            BaselineStateStore.Save(run.State, request.StatePath);
        }
        catch (BaselineStateException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.OutputError;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {run.Telemetry.Records} rows from {run.Files.Count} files; counted {run.Result.Observed} observations, skipped {run.Result.Skipped} already counted; {run.Alerts.Count} anomalies, {run.Telemetry.Rejects.Count} rejects. Wrote {request.OutDirectory}; state saved to {request.StatePath}."));
        return ExitCodes.Success;
    }

    private sealed record BaselineRequest(string[] Paths, string StatePath, string OutDirectory, string? ConfigPath);
}
