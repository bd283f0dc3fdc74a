namespace AiSoc.Learning.Model;

/// <summary>Settings for training a <see cref="TriageModel"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Boosted trees per binary model.</summary>
    public int NumberOfTrees { get; init; } = 100;

    public int NumberOfLeaves { get; init; } = 20;

    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>Seed for ML.NET and the grouped inner split, so runs repeat.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Time between an incident's last alert and the time its grade counts as history.</summary>
    public TimeSpan HistoryMargin { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Share of training-side true positives that the auto-close threshold may close.</summary>
    public double MaxMissedTruePositiveRate { get; init; } = 0.05;

    /// <summary>TruePositive precision that the malicious threshold must reach on the training side.</summary>
    public double MinTruePositivePrecision { get; init; } = 0.8;

    /// <summary>Share of training organisations held out to choose thresholds.</summary>
    public double ThresholdHoldoutShare { get; init; } = 0.25;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (NumberOfTrees < 1)
        {
            throw new ArgumentException($"Invalid number of trees {NumberOfTrees}: expected 1 or more.");
        }

        if (NumberOfLeaves < 2)
        {
            throw new ArgumentException($"Invalid number of leaves {NumberOfLeaves}: expected 2 or more.");
        }

        if (HistoryMargin < TimeSpan.Zero)
        {
            throw new ArgumentException($"Invalid history margin {HistoryMargin}: expected zero or more.");
        }

        if (MaxMissedTruePositiveRate is < 0 or > 1 || MinTruePositivePrecision is < 0 or > 1)
        {
            throw new ArgumentException("Invalid threshold targets: the missed true positive rate and the precision must be between 0 and 1.");
        }

        if (ThresholdHoldoutShare is <= 0 or >= 1)
        {
            throw new ArgumentException($"Invalid threshold holdout share {ThresholdHoldoutShare}: expected a value between 0 and 1.");
        }
    }
}
