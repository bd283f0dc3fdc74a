namespace AiSoc.Core.Baselines;

/// <summary>
/// How much history an entity needs before its baseline raises "new" or "rare" anomalies. Both limits must be met:
/// at least <see cref="Observations"/> earlier observations, and <see cref="Days"/> days since the first one.
/// Zero turns a limit off, but one earlier observation is always needed, because nothing is new to an empty baseline.
/// </summary>
public sealed record WarmUp(int Observations, double Days)
{
    /// <summary>True when an entity first seen at <paramref name="firstSeen"/> with <paramref name="observations"/> earlier observations is past warm-up at <paramref name="now"/>.</summary>
    public bool IsComplete(long observations, DateTimeOffset? firstSeen, DateTimeOffset now) =>
        observations >= Math.Max(1, Observations)
        && (Days <= 0 || (firstSeen is { } first && (now - first).TotalDays >= Days));
}
