using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace AiSoc.Learning.Model;

/// <summary>
/// A calibrated FastTree binary model copied into flat arrays, so batch scoring walks the trees directly instead of
/// going through an ML.NET data view, which costs a few microseconds per row and model. Results match ML.NET's
/// (a test compares them); explanations still use the ML.NET model.
/// </summary>
internal sealed class CompiledTreeModel
{
    private readonly int[] _treeRoots;
    private readonly int[] _nodeCounts;
    private readonly int[] _leafOffsets;
    private readonly int[] _splitFeatures;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;
    private readonly double[] _treeWeights;
    private readonly double _bias;
    private readonly double _slope;
    private readonly double _offset;

    private CompiledTreeModel(RegressionTreeEnsemble ensemble, PlattCalibrator calibrator)
    {
        var trees = ensemble.Trees;
        _treeRoots = new int[trees.Count];
        _nodeCounts = new int[trees.Count];
        _leafOffsets = new int[trees.Count];
        _treeWeights = ensemble.TreeWeights.ToArray();
        _bias = ensemble.Bias;
        _slope = calibrator.Slope;
        _offset = calibrator.Offset;

        var features = new List<int>();
        var thresholds = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _treeRoots[t] = features.Count;
            _nodeCounts[t] = tree.NumberOfNodes;
            _leafOffsets[t] = leaves.Count;
            features.AddRange(tree.NumericalSplitFeatureIndexes);
            thresholds.AddRange(tree.NumericalSplitThresholds);
            left.AddRange(tree.LeftChild);
            right.AddRange(tree.RightChild);
            leaves.AddRange(tree.LeafValues);
        }

        _splitFeatures = [.. features];
        _thresholds = [.. thresholds];
        _left = [.. left];
        _right = [.. right];
        _leafValues = [.. leaves];
    }

    /// <summary>
    /// Copies the trees and the Platt calibration of <paramref name="predictor"/>; returns null when it is not a
    /// Platt-calibrated FastTree model with numerical splits only, and the caller then scores with ML.NET.
    /// </summary>
    public static CompiledTreeModel? TryCreate(ITransformer predictor)
    {
        if (predictor is not ISingleFeaturePredictionTransformer<object> { Model: { } model })
        {
            return null;
        }

        // The calibrated wrapper's generic type differs between a trained and a reloaded model, so its SubModel
        // and Calibrator properties are read by name. The class and its base class both declare them.
        var trees = PropertyValues(model, "SubModel").OfType<TreeEnsembleModelParametersBasedOnRegressionTree>().FirstOrDefault();
        var platt = PropertyValues(model, "Calibrator").OfType<PlattCalibrator>().FirstOrDefault();
        if (trees is null || platt is null)
        {
            return null;
        }

        var ensemble = trees.TrainedTreeEnsemble;
        return ensemble.Trees.Any(tree => tree.CategoricalSplitFlags.Any(flag => flag)) ? null : new CompiledTreeModel(ensemble, platt);
    }

    private static IEnumerable<object?> PropertyValues(object model, string name) =>
        model.GetType().GetProperties()
            .Where(property => property.Name == name && property.GetIndexParameters().Length == 0)
            .Select(property => property.GetValue(model));

    /// <summary>Returns the calibrated probability of the model's class for one feature vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float Predict(float[] features)
    {
        var score = _bias;
        for (var t = 0; t < _treeRoots.Length; t++)
        {
            var leaf = _nodeCounts[t] == 0 ? 0 : LeafOf(features, _treeRoots[t]);
            score += _treeWeights[t] * _leafValues[_leafOffsets[t] + leaf];
        }

        return (float)(1 / (1 + Math.Exp((_slope * score) + _offset)));
    }

    // Child indexes are relative to the tree; a negative child is the leaf ~child.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LeafOf(float[] features, int root)
    {
        var node = 0;
        while (node >= 0)
        {
            var at = root + node;
            node = features[_splitFeatures[at]] <= _thresholds[at] ? _left[at] : _right[at];
        }

        return ~node;
    }
}
