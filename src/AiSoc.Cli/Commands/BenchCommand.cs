using System.CommandLine;
using AiSoc.Cli.Benchmarks;
using AiSoc.Core.Ingest;

namespace AiSoc.Cli.Commands;

/// <summary>
/// <c>aisoc bench</c>: replicates real alerts into a large NDJSON file with fresh ids, then measures a bare
/// single-threaded parse of every line against the whole triage of the same file, with peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("templates")
        {
            Description = "Alert files or folders whose alert records are replicated. Records that are not alerts are left out.",
            Arity = ArgumentArity.OneOrMore,
        };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var sizeMb = new Option<int>("--size-mb")
        {
            Description = "Size of the generated NDJSON file in MiB.",
            DefaultValueFactory = _ => 256,
        };
        var workDirectory = new Option<string>("--work-dir")
        {
            Description = "Folder for the generated file and the triage output. Default: a new folder under the system temp folder.",
        };
        var keep = new Option<bool>("--keep")
        {
            Description = "Keep the generated file and output instead of deleting them at the end.",
        };
        var workers = new Option<int?>("--workers")
        {
            Description = "Worker threads for the triage. Default: one per processor core.",
        };
        var format = new Option<string?>("--format")
        {
            Description = "Replicate only alerts of this input format, such as graph-alert-v2 or sentinel-securityalert. Default: every format found.",
        };

        var command = new Command("bench", "Measure triage throughput and peak memory on replicated alerts against a bare JSON parse baseline.")
        {
            paths, sizeMb, workDirectory, keep, workers, format,
        };
        command.SetAction(parseResult =>
        {
            var size = parseResult.GetValue(sizeMb);
            if (size < 1)
            {
                error.WriteLine($"Invalid --size-mb {size}: expected 1 or more.");
                return ExitCodes.Usage;
            }

            try
            {
                var settings = new BenchSettings(
                    parseResult.GetValue(paths)!,
                    size * 1024L * 1024L,
                    parseResult.GetValue(workDirectory) ?? Path.Combine(Path.GetTempPath(), "aisoc-bench-" + Environment.ProcessId),
                    parseResult.GetValue(keep),
                    parseResult.GetValue(workers) ?? Environment.ProcessorCount,
                    parseResult.GetValue(format));
                return TriageBenchmark.Run(settings, output);
            }
            catch (Exception exception) when (exception is FileNotFoundException or InputReadException)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.InputError;
            }
        });
        return command;
    }
}
