using AiSoc.Learning.Data;

namespace AiSoc.Learning.Evaluation;

/// <summary>Averages one method's results over folds.</summary>
internal static class ResultAveraging
{
    public static MethodResult Mean(IReadOnlyList<MethodResult> folds)
    {
        var classes = IncidentGrades.All.Count;
        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        foreach (var fold in folds)
        {
            for (var actual = 0; actual < classes; actual++)
            {
                for (var predicted = 0; predicted < classes; predicted++)
                {
                    confusion[actual][predicted] += fold.Classification.Confusion[actual][predicted];
                }
            }
        }

        var perClass = IncidentGrades.All.ToDictionary(
            grade => grade.ToString(),
            grade => new ClassMetrics(
                folds.Average(fold => fold.Classification.PerClass[grade.ToString()].Precision),
                folds.Average(fold => fold.Classification.PerClass[grade.ToString()].Recall),
                folds.Average(fold => fold.Classification.PerClass[grade.ToString()].F1),
                folds.Sum(fold => fold.Classification.PerClass[grade.ToString()].Support)),
            StringComparer.Ordinal);
        var classification = new ClassificationMetrics(
            confusion,
            perClass,
            folds.Average(fold => fold.Classification.MacroF1),
            folds.Average(fold => fold.Classification.Accuracy));

        var decisions = folds.All(fold => fold.Decisions is not null) ? MeanDecisions(folds.Select(fold => fold.Decisions!).ToArray()) : null;
        return new MethodResult(folds[0].Method, classification, decisions);
    }

    private static DecisionMetrics MeanDecisions(DecisionMetrics[] folds) => new(
        folds.Sum(fold => fold.Alerts),
        folds.Average(fold => fold.AutoClosedShare),
        folds.Average(fold => fold.EscalatedShare),
        folds.Average(fold => fold.MaliciousShare),
        folds.Sum(fold => fold.MissedTruePositives),
        folds.Average(fold => fold.MissedTruePositiveRate),
        folds.Average(fold => fold.TruePositivePrecision),
        folds.Average(fold => fold.TruePositiveRecall));
}
