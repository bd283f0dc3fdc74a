using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiSoc.Learning.Model;

/// <summary>One training or scoring row for a binary model: the feature vector and whether the alert is of the model's class.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>The schema with the vector length fixed, which ML.NET needs for a vector column known only at run time.</summary>
    public static SchemaDefinition SchemaFor(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static IDataView ToDataView(MLContext context, IEnumerable<FeatureRow> rows, int featureCount) =>
        context.Data.LoadFromEnumerable(rows, SchemaFor(featureCount));
}

/// <summary>What a binary model with its feature contribution step writes for one row.</summary>
internal sealed class ExplainedOutput
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
