using System.CommandLine;
using System.Globalization;
using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Cli.Commands;

/// <summary>
/// <c>aisoc train</c>: trains the learned triage model on labelled GUIDE evidence files or on a tenant's own
/// incident and alert exports, and saves it as one zip. The input kind is detected from the files.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("labelled-data")
        {
            Description = "GUIDE evidence CSV files (with OrgId and IncidentGrade columns), or tenant export files and folders: Sentinel incidents with their alerts, Graph security incidents and alerts, Defender for Endpoint alerts. Only verdicts a person set are labels (see docs/evaluation.md).",
            Arity = ArgumentArity.OneOrMore,
        };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var outPath = new Option<string>("--out")
        {
            Description = "Path of the model zip to write.",
            Required = true,
        };
        var trees = new Option<int>("--trees")
        {
            Description = "Boosted trees per binary model.",
            DefaultValueFactory = _ => 100,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for training and the inner split that chooses thresholds.",
            DefaultValueFactory = _ => 42,
        };
        var marginDays = new Option<double>("--history-margin-days")
        {
            Description = "Days between an incident's last alert and the time its grade counts as history.",
            DefaultValueFactory = _ => 7,
        };

        var command = new Command("train", "Train the learned triage model on labelled alerts and save it as a zip.")
        {
            paths, outPath, trees, seed, marginDays,
        };
        command.SetAction(parseResult =>
        {
            var options = new TrainingOptions
            {
                NumberOfTrees = parseResult.GetValue(trees),
                Seed = parseResult.GetValue(seed),
                HistoryMargin = TimeSpan.FromDays(parseResult.GetValue(marginDays)),
            };
            return Run(parseResult.GetValue(paths)!, parseResult.GetValue(outPath)!, options, output, error);
        });
        return command;
    }

    private static int Run(string[] paths, string outPath, TrainingOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }

        IReadOnlyList<TriageAlert> alerts;
        TriageModel model;
        try
        {
            var data = LabelledDataLoader.Load(paths, NullLoggerFactory.Instance);
            if (data.Tenant is { } tenant)
            {
                output.WriteLine(
                    $"Tenant export: {tenant.Alerts.Count} alerts with a verdict set by a person; left out {tenant.AutomaticVerdicts} with an automatic verdict, {tenant.Unlabelled} without a verdict; {tenant.RejectedRecords} records rejected.");
            }

            alerts = data.Alerts;
            var history = new VerdictHistory(IncidentOutcome.FromAlerts(alerts), options.HistoryMargin);
            model = new TriageModelTrainer(options, TimeProvider.System).Train(alerts, history);
        }
        catch (Exception exception) when (exception is LabelledDataException or ArgumentException or IOException)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        try
        {
            TriageModelStore.Save(model, outPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write model file {outPath}: {exception.Message}");
            return ExitCodes.OutputError;
        }

        var thresholds = model.Manifest.Thresholds;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained on {alerts.Count} alerts; auto-close above benign probability {thresholds.AutoCloseBenign:0.000}, malicious at TruePositive probability {thresholds.MaliciousTruePositive:0.000}."));
        output.WriteLine($"Model written to {outPath}");
        return ExitCodes.Success;
    }
}
