using System.CommandLine;
using AiSoc.Learning.Data;
using AiSoc.Learning.Evaluation;
using AiSoc.Learning.Model;

namespace AiSoc.Cli.Commands;

/// <summary>
/// <c>aisoc evaluate</c>: measures the learned model against the majority, rules-only and plain gradient boosting
/// baselines on grouped folds that keep each organisation on one side, or tests a saved model on a whole file.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("labelled-data")
        {
            Description = "GUIDE evidence CSV files (46 columns with OrgId and IncidentGrade).",
            Arity = ArgumentArity.OneOrMore,
        };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var model = new Option<string>("--model") { Description = "A model zip from 'aisoc train'; the whole data is then the test set." };
        var folds = new Option<int>("--folds") { Description = "Folds of the grouped k-fold split.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed for the fold assignment and training.", DefaultValueFactory = _ => 42 };
        var trees = new Option<int>("--trees") { Description = "Boosted trees per model.", DefaultValueFactory = _ => 100 };
        var json = new Option<string>("--json") { Description = "Also write the results as JSON to this file." };
        var throughput = new Option<int>("--throughput-alerts")
        {
            Description = "Also measure single-threaded batch scoring of this many alerts (the data repeated); 0 skips it.",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("evaluate", "Measure the learned triage model and baselines on labelled alerts, keeping organisations apart.")
        {
            paths, model, folds, seed, trees, json, throughput,
        };
        command.SetAction(parseResult =>
        {
            var settings = new EvaluateSettings(
                parseResult.GetValue(paths)!,
                parseResult.GetValue(model),
                parseResult.GetValue(folds),
                parseResult.GetValue(json),
                parseResult.GetValue(throughput),
                new TrainingOptions { Seed = parseResult.GetValue(seed), NumberOfTrees = parseResult.GetValue(trees) });
            return Run(settings, output, error);
        });
        return command;
    }

    private static int Run(EvaluateSettings settings, TextWriter output, TextWriter error)
    {
        if (settings.Folds < 2)
        {
            error.WriteLine($"Invalid --folds {settings.Folds}: expected 2 or more.");
            return ExitCodes.Usage;
        }

        if (settings.ThroughputAlerts < 0)
        {
            error.WriteLine($"Invalid --throughput-alerts {settings.ThroughputAlerts}: expected 0 or more.");
            return ExitCodes.Usage;
        }

        try
        {
            settings.Training.Validate();
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }

        EvaluationReport report;
        TriageModel? trained = null;
        IReadOnlyList<TriageAlert> alerts;
        try
        {
            alerts = LabelledDataLoader.LoadGuide(settings.Paths);
            var evaluator = new TriageEvaluator(new EvaluationOptions { Folds = settings.Folds, Training = settings.Training }, TimeProvider.System);
            if (settings.ModelPath is not null)
            {
                trained = TriageModelStore.Load(settings.ModelPath);
                report = evaluator.Test(trained, alerts);
            }
            else
            {
                report = evaluator.CrossValidate(alerts);
            }
        }
        catch (Exception exception) when (exception is LabelledDataException or ModelLoadException or ArgumentException or IOException)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        EvaluateReportPrinter.Print(report, output);

        ThroughputResult? speed = null;
        if (settings.ThroughputAlerts > 0)
        {
            speed = EvaluateThroughput.Measure(trained, alerts, settings.ThroughputAlerts, settings.Training);
            EvaluateThroughput.Print(speed, output);
        }

        if (settings.JsonPath is null)
        {
            return ExitCodes.Success;
        }

        try
        {
            EvaluateJson.Write(report, speed, settings.JsonPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write JSON file {settings.JsonPath}: {exception.Message}");
            return ExitCodes.OutputError;
        }

        output.WriteLine($"JSON written to {settings.JsonPath}");
        return ExitCodes.Success;
    }

    private sealed record EvaluateSettings(
        string[] Paths,
        string? ModelPath,
        int Folds,
        string? JsonPath,
        int ThroughputAlerts,
        TrainingOptions Training);
}
