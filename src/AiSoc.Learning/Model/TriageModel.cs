using System.Globalization;
using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiSoc.Learning.Model;

/// <summary>
/// Three calibrated one-versus-rest binary models (TruePositive, BenignPositive, FalsePositive) with their feature
/// layout and thresholds. Each model is a chain of the FastTree predictor and ML.NET's feature contribution step, so
/// a saved and reloaded model can still explain itself. Prediction is thread-safe; a lock guards the engines.
/// </summary>
public sealed class TriageModel
{
    private const int ReasonCount = 3;

    private readonly MLContext _context;
    private readonly ITransformer[] _explainers;
    private readonly ITransformer[] _predictors;
    private readonly PredictionEngine<FeatureRow, ExplainedOutput>[] _engines;
    private readonly CompiledTreeModel?[] _compiled;
    private readonly SchemaDefinition _schema;
    private readonly Lock _engineLock = new();

    internal TriageModel(MLContext context, ITransformer[] explainers, ModelManifest manifest)
    {
        _context = context;
        _explainers = explainers;
        Manifest = manifest;
        Features = new FeatureBuilder(manifest.Layout);
        _schema = FeatureRow.SchemaFor(Features.Length);
        _predictors = explainers.Select(FirstTransformer).ToArray();
        _compiled = _predictors.Select(CompiledTreeModel.TryCreate).ToArray();
        _engines = explainers
            .Select(model => context.Model.CreatePredictionEngine<FeatureRow, ExplainedOutput>(model, inputSchemaDefinition: _schema))
            .ToArray();
    }

    public ModelManifest Manifest { get; }

    public FeatureBuilder Features { get; }

    internal MLContext Context => _context;

    internal IReadOnlyList<ITransformer> Explainers => _explainers;

    /// <summary>True when every binary model could be compiled for direct tree walking.</summary>
    internal bool IsCompiled => _compiled.All(model => model is not null);

    /// <summary>Predicts the grade of one feature vector and explains it with the model of the predicted class.</summary>
    public (GradePrediction Prediction, IReadOnlyList<string> Reasons) PredictWithReasons(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);

        var row = new FeatureRow { Features = features };
        var outputs = new ExplainedOutput[_engines.Length];
        lock (_engineLock)
        {
            for (var i = 0; i < _engines.Length; i++)
            {
                outputs[i] = _engines[i].Predict(row);
            }
        }

        var prediction = GradePrediction.FromCalibrated(outputs[0].Probability, outputs[1].Probability, outputs[2].Probability);
        var decidingModel = outputs[(int)prediction.Predicted];
        return (prediction, Explain(features, decidingModel.FeatureContributions, prediction.Predicted));
    }

    /// <summary>
    /// Predicts many feature vectors without explanations. Each binary model walks its trees directly when it could
    /// be compiled, and otherwise makes one streaming ML.NET pass.
    /// </summary>
    public IReadOnlyList<GradePrediction> PredictBatch(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);

        if (_compiled.All(model => model is not null))
        {
            var compiled = new GradePrediction[features.Count];
            for (var i = 0; i < compiled.Length; i++)
            {
                var vector = features[i];
                compiled[i] = GradePrediction.FromCalibrated(_compiled[0]!.Predict(vector), _compiled[1]!.Predict(vector), _compiled[2]!.Predict(vector));
            }

            return compiled;
        }

        return PredictBatchWithMlNet(features);
    }

    /// <summary>Predicts with ML.NET's data view pipeline, one streaming pass per binary model.</summary>
    internal IReadOnlyList<GradePrediction> PredictBatchWithMlNet(IReadOnlyList<float[]> features)
    {
        var data = FeatureRow.ToDataView(_context, features.Select(vector => new FeatureRow { Features = vector }), Features.Length);
        var probabilities = new float[_predictors.Length][];
        for (var model = 0; model < _predictors.Length; model++)
        {
            probabilities[model] = ReadProbabilities(_predictors[model].Transform(data), features.Count);
        }

        var result = new GradePrediction[features.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = GradePrediction.FromCalibrated(probabilities[0][i], probabilities[1][i], probabilities[2][i]);
        }

        return result;
    }

    private string[] Explain(float[] features, float[] contributions, IncidentGrade grade)
    {
        var names = Manifest.FeatureNames;
        return contributions
            .Select((value, index) => (Value: value, Index: index))
            .Where(item => item.Value != 0 && item.Index < names.Count)
            .OrderByDescending(item => Math.Abs(item.Value))
            .Take(ReasonCount)
            .Select(item => string.Create(
                CultureInfo.InvariantCulture,
                $"{names[item.Index]} {FormatValue(features[item.Index])} {(item.Value > 0 ? "raised" : "lowered")} {grade}"))
            .ToArray();
    }

    private static string FormatValue(float value) =>
        value == Math.Floor(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static float[] ReadProbabilities(IDataView scored, int count)
    {
        var result = new float[count];
        var column = scored.Schema["Probability"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        var probability = 0f;
        var i = 0;
        while (cursor.MoveNext())
        {
            getter(ref probability);
            result[i++] = probability;
        }

        return result;
    }

    private static ITransformer FirstTransformer(ITransformer model) =>
        model is TransformerChain<ITransformer> chain ? chain.First() : model;
}
