using AiSoc.Learning.Data;

namespace AiSoc.Learning.Evaluation;

/// <summary>Multiclass metrics of argmax predictions against incident grades.</summary>
public sealed record ClassificationMetrics(int[][] Confusion, IReadOnlyDictionary<string, ClassMetrics> PerClass, double MacroF1, double Accuracy)
{
    /// <summary>Computes the metrics. <c>Confusion[actual][predicted]</c> counts alerts in <see cref="IncidentGrades.All"/> order.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<(IncidentGrade Predicted, IncidentGrade Actual)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);

        var classes = IncidentGrades.All.Count;
        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        foreach (var (predicted, actual) in outcomes)
        {
            confusion[(int)actual][(int)predicted]++;
        }

        return FromConfusion(confusion);
    }

    /// <summary>Computes the metrics of an existing confusion matrix.</summary>
    public static ClassificationMetrics FromConfusion(int[][] confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);

        var perClass = new Dictionary<string, ClassMetrics>(StringComparer.Ordinal);
        var total = 0;
        var correct = 0;
        foreach (var grade in IncidentGrades.All)
        {
            var c = (int)grade;
            var truePositives = confusion[c][c];
            var predicted = confusion.Sum(row => row[c]);
            var actual = confusion[c].Sum();
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = actual == 0 ? 0 : (double)truePositives / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[grade.ToString()] = new ClassMetrics(precision, recall, f1, actual);
            total += actual;
            correct += truePositives;
        }

        var macroF1 = perClass.Values.Average(metrics => metrics.F1);
        return new ClassificationMetrics(confusion, perClass, macroF1, total == 0 ? 0 : (double)correct / total);
    }
}
