namespace AiSoc.Core.Baselines;

/// <summary>
/// Maps each detector's measurement onto an anomaly score from 0 to 1, so scores of different kinds can feed one
/// model. The mappings are monotonic and simple, not calibrated probabilities.
/// </summary>
public static class AnomalyScores
{
    /// <summary>Scores a never-seen value after <paramref name="history"/> observations: 1 - 1/(n + 2), so 0.5 with no history.</summary>
    public static double Novelty(long history) => 1 - (1.0 / (history + 2));

    /// <summary>Scores a value that had <paramref name="share"/> of the history: 1 - share.</summary>
    public static double Rarity(double share) => Math.Clamp(1 - share, 0, 1);

    /// <summary>Scores a speed against its limit: 1 - limit/speed, so 0.5 at twice the limit and 1 for an infinite speed.</summary>
    public static double Speed(double speedKmh, double limitKmh) =>
        double.IsPositiveInfinity(speedKmh) ? 1 : Math.Clamp(1 - (limitKmh / speedKmh), 0, 1);

    /// <summary>Scores a count against its threshold: count/(count + threshold), so 0.5 at the threshold.</summary>
    public static double Count(long count, long threshold) => (double)count / (count + threshold);
}
