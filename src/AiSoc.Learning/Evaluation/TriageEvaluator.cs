using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;

namespace AiSoc.Learning.Evaluation;

/// <summary>
/// Measures the learned model and the baselines on splits that keep organisations apart. History features of
/// training alerts come from training incidents only. History features of test alerts also use earlier test
/// incidents of the same organisation, as a deployment knows a tenant's earlier closed incidents, but never the
/// alert's own incident, because it cannot have ended a margin before its own alert.
/// </summary>
public sealed class TriageEvaluator(EvaluationOptions options, TimeProvider timeProvider)
{
    /// <summary>Runs grouped k-fold cross-validation over <paramref name="alerts"/>.</summary>
    public EvaluationReport CrossValidate(IReadOnlyList<TriageAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);

        var seed = options.Training.Seed;
        var folds = GroupedSplit.Folds(alerts, options.Folds, seed);
        var results = folds.Select(RunFold).ToArray();
        var split = $"grouped {options.Folds}-fold by OrgId (seed {seed}); each organisation and incident on one side";
        return Report(split, alerts, results);
    }

    /// <summary>Tests a trained <paramref name="model"/> on all of <paramref name="alerts"/>, with the rules-only baseline beside it.</summary>
    public EvaluationReport Test(TriageModel model, IReadOnlyList<TriageAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(alerts);

        var history = new VerdictHistory(IncidentOutcome.FromAlerts(alerts), TimeSpan.FromDays(model.Manifest.HistoryMarginDays));
        var results = new List<MethodResult> { Learned(model, alerts, history) };
        if (options.IncludeBaselines)
        {
            results.Add(Classified(MethodNames.RulesOnly, alerts, alerts.Select(GuideRules.Predict).ToArray()));
        }

        return Report("whole file as the test set of a trained model", alerts, [results.ToArray()]);
    }

    private IReadOnlyList<MethodResult> RunFold(SplitSides split)
    {
        var margin = options.Training.HistoryMargin;
        var trainHistory = new VerdictHistory(IncidentOutcome.FromAlerts(split.Train), margin);
        var testHistory = new VerdictHistory(IncidentOutcome.FromAlerts(split.Train.Concat(split.Test)), margin);

        var model = new TriageModelTrainer(options.Training, timeProvider).Train(split.Train, trainHistory);
        var results = new List<MethodResult> { Learned(model, split.Test, testHistory) };
        if (!options.IncludeBaselines)
        {
            return results;
        }

        var majority = split.Train.GroupBy(alert => alert.Grade!.Value).OrderByDescending(group => group.Count()).First().Key;
        results.Add(Classified(MethodNames.Majority, split.Test, split.Test.Select(_ => majority).ToArray()));
        results.Add(Classified(MethodNames.RulesOnly, split.Test, split.Test.Select(GuideRules.Predict).ToArray()));
        var plain = PlainGradientBoosting.TrainAndPredict(split.Train, split.Test, options.Training.NumberOfTrees, options.Training.Seed);
        results.Add(Classified(MethodNames.PlainGradientBoosting, split.Test, plain));
        return results;
    }

    private static MethodResult Learned(TriageModel model, IReadOnlyList<TriageAlert> test, VerdictHistory history)
    {
        var predictions = model.PredictBatch(test.Select(alert => model.Features.Build(alert, history)).ToArray());
        var classification = ClassificationMetrics.Compute(predictions.Select((prediction, i) => (prediction.Predicted, test[i].Grade!.Value)).ToArray());
        var decisions = DecisionMetrics.Compute(predictions.Select((prediction, i) => (prediction.Decide(model.Manifest.Thresholds), test[i].Grade!.Value)).ToArray());
        return new MethodResult(MethodNames.LearnedModel, classification, decisions);
    }

    private static MethodResult Classified(string method, IReadOnlyList<TriageAlert> test, IncidentGrade[] predicted) =>
        new(method, ClassificationMetrics.Compute(predicted.Select((grade, i) => (grade, test[i].Grade!.Value)).ToArray()), null);

    private static EvaluationReport Report(string split, IReadOnlyList<TriageAlert> alerts, IReadOnlyList<MethodResult>[] folds)
    {
        var methods = folds[0].Select(result => result.Method).ToArray();
        var mean = methods
            .Select(method => ResultAveraging.Mean(folds.Select(fold => fold.Single(result => result.Method == method)).ToArray()))
            .ToArray();

        return new EvaluationReport(
            split,
            alerts.Count,
            alerts.Select(alert => alert.IncidentKey).Distinct(StringComparer.Ordinal).Count(),
            alerts.Select(alert => alert.OrgId).Distinct(StringComparer.Ordinal).Count(),
            folds,
            mean);
    }
}
