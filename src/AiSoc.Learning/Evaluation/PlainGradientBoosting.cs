using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace AiSoc.Learning.Evaluation;

/// <summary>
/// The plain model baseline: one LightGBM multiclass model on the alert's own columns, with no history features,
/// no calibration and no thresholds.
/// </summary>
public static class PlainGradientBoosting
{
    /// <summary>Trains on <paramref name="training"/> and returns the argmax grade of each alert of <paramref name="test"/>.</summary>
    public static IncidentGrade[] TrainAndPredict(IReadOnlyList<TriageAlert> training, IReadOnlyList<TriageAlert> test, int numberOfTrees, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);

        var context = new MLContext(seed);
        var builder = new FeatureBuilder(FeatureLayout.FromTraining(training, includeHistory: false));

        var labelled = context.Data.LoadFromEnumerable(
            training.Select(alert => new GradeRow { Features = builder.Build(alert, null), Grade = (float)alert.Grade!.Value }).ToArray(),
            GradeRow.SchemaFor(builder.Length));

        var pipeline = context.Transforms.Conversion.MapValueToKey("Label", nameof(GradeRow.Grade), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfIterations = numberOfTrees,
                NumberOfThreads = 1,
                Seed = seed,
                Verbose = false,
                Silent = true,
            }))
            .Append(context.Transforms.Conversion.MapKeyToValue("PredictedGrade", "PredictedLabel"));
        var model = pipeline.Fit(labelled);

        var testData = context.Data.LoadFromEnumerable(
            test.Select(alert => new GradeRow { Features = builder.Build(alert, null) }),
            GradeRow.SchemaFor(builder.Length));
        return context.Data.CreateEnumerable<GradeOutput>(model.Transform(testData), reuseRowObject: false)
            .Select(output => (IncidentGrade)(int)output.PredictedGrade)
            .ToArray();
    }

    private sealed class GradeRow
    {
        public float[] Features { get; set; } = [];

        public float Grade { get; set; }

        public static SchemaDefinition SchemaFor(int featureCount)
        {
            var schema = SchemaDefinition.Create(typeof(GradeRow));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
            return schema;
        }
    }

    private sealed class GradeOutput
    {
        public float PredictedGrade { get; set; }
    }
}
