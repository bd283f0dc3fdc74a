using AiSoc.Learning.Data;
using AiSoc.Learning.Evaluation;
using AiSoc.Learning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace AiSoc.Learning.Model;

/// <summary>
/// Trains a <see cref="TriageModel"/>: thresholds come from an inner split that keeps each organisation on one side
/// (or, with one organisation, holds out its latest incidents), then the final three binary models train on all the
/// given alerts.
/// </summary>
public sealed class TriageModelTrainer(TrainingOptions options, TimeProvider timeProvider)
{
    private readonly TrainingOptions _options = Validated(options);

    /// <summary>
    /// Trains on <paramref name="training"/>. History features come from <paramref name="history"/>, which must
    /// contain only incidents that are allowed to be known (the training side, plus earlier incidents of the data
    /// being scored when evaluating).
    /// </summary>
    public TriageModel Train(IReadOnlyList<TriageAlert> training, VerdictHistory history)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(history);
        if (training.Count == 0)
        {
            throw new ArgumentException("No labelled alerts to train on.", nameof(training));
        }

        var absent = IncidentGrades.All.Where(grade => training.All(alert => alert.Grade != grade)).ToArray();
        if (absent.Length > 0)
        {
            throw new ArgumentException($"The labelled alerts contain no {string.Join(" or ", absent)} incident, so its model cannot be trained.", nameof(training));
        }

        var thresholds = ChooseThresholds(training, history);
        var layout = FeatureLayout.FromTraining(training, includeHistory: true);
        return Fit(training, history, layout, thresholds);
    }

    private TriageThresholds ChooseThresholds(IReadOnlyList<TriageAlert> training, VerdictHistory history)
    {
        // With one organisation (a tenant's own export) organisations cannot be kept apart, so the latest incidents
        // are held out instead.
        var organisations = training.Select(alert => alert.OrgId).Distinct(StringComparer.Ordinal).Count();
        var split = organisations > 1
            ? GroupedSplit.Holdout(training, _options.ThresholdHoldoutShare, _options.Seed)
            : GroupedSplit.HoldoutLatestIncidents(training, _options.ThresholdHoldoutShare);
        if (split.Train.Count == 0 || split.Test.Count == 0 || !HasEveryGrade(split.Train))
        {
            return TriageThresholds.EscalateAll;
        }

        var inner = Fit(split.Train, history, FeatureLayout.FromTraining(split.Train, includeHistory: true), TriageThresholds.EscalateAll);
        var predictions = inner.PredictBatch(split.Test.Select(alert => inner.Features.Build(alert, history)).ToArray());
        var validation = predictions.Select((prediction, i) => (prediction, split.Test[i].Grade!.Value)).ToArray();
        return ThresholdSelector.Select(validation, _options.MaxMissedTruePositiveRate, _options.MinTruePositivePrecision);
    }

    private TriageModel Fit(IReadOnlyList<TriageAlert> alerts, VerdictHistory history, FeatureLayout layout, TriageThresholds thresholds)
    {
        var context = new MLContext(_options.Seed);
        var builder = new FeatureBuilder(layout);
        var vectors = alerts.Select(alert => builder.Build(alert, history)).ToArray();

        var explainers = new ITransformer[IncidentGrades.All.Count];
        foreach (var grade in IncidentGrades.All)
        {
            var rows = vectors.Select((vector, i) => new FeatureRow { Features = vector, Label = alerts[i].Grade == grade });
            var data = FeatureRow.ToDataView(context, rows.ToArray(), builder.Length);
            var predictor = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = _options.NumberOfTrees,
                NumberOfLeaves = _options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = _options.MinimumExampleCountPerLeaf,
                LearningRate = _options.LearningRate,
                NumberOfThreads = 1,
                Seed = _options.Seed,
            }).Fit(data);

            // The contribution step is saved with the predictor because a reloaded FastTree model cannot be passed
            // to CalculateFeatureContribution (its reloaded type is internal to ML.NET 6.0).
            var contributions = context.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: 3, numberOfNegativeContributions: 3)
                .Fit(predictor.Transform(data));
            explainers[(int)grade] = new TransformerChain<ITransformer>(predictor, contributions);
        }

        var manifest = new ModelManifest
        {
            ClassNames = IncidentGrades.All.Select(grade => grade.ToString()).ToArray(),
            FeatureNames = layout.FeatureNames(),
            Layout = layout,
            Thresholds = thresholds,
            TrainedAt = timeProvider.GetUtcNow(),
            TrainingAlerts = alerts.Count,
            NumberOfTrees = _options.NumberOfTrees,
            HistoryMarginDays = history.Margin.TotalDays,
            DetectorHistory = history.DetectorTotals().ToDictionary(
                pair => pair.Key,
                pair => new[] { pair.Value.TruePositive, pair.Value.BenignPositive, pair.Value.FalsePositive },
                StringComparer.Ordinal),
        };
        return new TriageModel(context, explainers, manifest);
    }

    private static bool HasEveryGrade(IReadOnlyList<TriageAlert> alerts) =>
        IncidentGrades.All.All(grade => alerts.Any(alert => alert.Grade == grade));

    private static TrainingOptions Validated(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
