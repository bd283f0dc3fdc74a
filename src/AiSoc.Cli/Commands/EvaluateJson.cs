using System.Text.Json;
using AiSoc.Learning.Evaluation;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Writes the evaluation as JSON: the learned model's mean <c>macroF1</c>, <c>perClass</c>, <c>autoClosedShare</c>,
/// <c>escalatedShare</c> and <c>missedTruePositives</c> at the top level, then every method and fold in full.
/// </summary>
internal static class EvaluateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static void Write(EvaluationReport report, ThroughputResult? throughput, string path)
    {
        var learned = report.Mean.First(method => method.Method == MethodNames.LearnedModel);
        var document = new
        {
            macroF1 = learned.Classification.MacroF1,
            perClass = learned.Classification.PerClass,
            autoClosedShare = learned.Decisions?.AutoClosedShare,
            escalatedShare = learned.Decisions?.EscalatedShare,
            maliciousShare = learned.Decisions?.MaliciousShare,
            missedTruePositives = learned.Decisions?.MissedTruePositives,
            truePositivePrecision = learned.Decisions?.TruePositivePrecision,
            truePositiveRecall = learned.Decisions?.TruePositiveRecall,
            split = report.Split,
            alerts = report.Alerts,
            incidents = report.Incidents,
            organisations = report.Organisations,
            methods = report.Mean,
            folds = report.Folds,
            throughput,
        };

        using var file = File.Create(path);
        JsonSerializer.Serialize(file, document, Options);
    }
}
