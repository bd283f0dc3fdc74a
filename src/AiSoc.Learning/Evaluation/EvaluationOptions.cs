using AiSoc.Learning.Model;

namespace AiSoc.Learning.Evaluation;

/// <summary>Settings of one evaluation run.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Folds of the grouped k-fold split; ignored when a trained model is given.</summary>
    public int Folds { get; init; } = 5;

    public TrainingOptions Training { get; init; } = new();

    /// <summary>Also run the majority, rules-only and plain gradient boosting baselines on the same folds.</summary>
    public bool IncludeBaselines { get; init; } = true;
}
