using System.Globalization;
using AiSoc.Learning.Data;
using AiSoc.Learning.Evaluation;

namespace AiSoc.Cli.Commands;

/// <summary>Prints an <see cref="EvaluationReport"/> as plain text tables.</summary>
internal static class EvaluateReportPrinter
{
    public static void Print(EvaluationReport report, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"Split: {report.Split}"));
        output.WriteLine(string.Create(culture, $"Alerts {report.Alerts}, incidents {report.Incidents}, organisations {report.Organisations}, folds {report.Folds.Count}"));
        output.WriteLine();
        output.WriteLine("Method                     macro-F1  accuracy  TP P/R/F1          BP P/R/F1          FP P/R/F1");
        foreach (var method in report.Mean)
        {
            var c = method.Classification;
            output.WriteLine(string.Create(
                culture,
                $"{method.Method,-26} {c.MacroF1,8:0.000}  {c.Accuracy,8:0.000}  {Triple(c, IncidentGrade.TruePositive)}  {Triple(c, IncidentGrade.BenignPositive)}  {Triple(c, IncidentGrade.FalsePositive)}"));
        }

        var learned = report.Mean.First(method => method.Method == MethodNames.LearnedModel);
        output.WriteLine();
        output.WriteLine("Confusion matrix of the learned model, summed over folds (rows actual, columns predicted: TP BP FP):");
        foreach (var grade in IncidentGrades.All)
        {
            var row = learned.Classification.Confusion[(int)grade];
            output.WriteLine(string.Create(culture, $"  {grade,-15} {row[0],7} {row[1],7} {row[2],7}"));
        }

        if (learned.Decisions is { } d)
        {
            output.WriteLine();
            output.WriteLine("Decisions of the learned model with training-side thresholds (mean over folds):");
            output.WriteLine(string.Create(culture, $"  auto-closed {d.AutoClosedShare:P1}, escalated as suspicious {d.EscalatedShare:P1}, called malicious {d.MaliciousShare:P1}"));
            output.WriteLine(string.Create(culture, $"  missed true positives (auto-closed TPs): {d.MissedTruePositives} in total, {d.MissedTruePositiveRate:P1} of TPs"));
            output.WriteLine(string.Create(culture, $"  TP precision {d.TruePositivePrecision:0.000} at TP recall {d.TruePositiveRecall:0.000} (malicious calls)"));
        }
    }

    private static string Triple(ClassificationMetrics metrics, IncidentGrade grade)
    {
        var m = metrics.PerClass[grade.ToString()];
        return string.Create(CultureInfo.InvariantCulture, $"{m.Precision:0.00}/{m.Recall:0.00}/{m.F1:0.00}   ");
    }
}
