namespace AiSoc.Core.Response;

/// <summary>
/// Counts automatic containment actions per action kind and fixed time window, shared by every investigation.
/// Writers use compare-and-swap on an ETag, so concurrent increments never lose an update, and
/// <see cref="BlastRadiusGate"/> never passes a limit.
/// </summary>
public interface IActionRateCounter
{
    /// <summary>Returns the current count and ETag of a counter; a counter that does not exist has count 0 and a null ETag.</summary>
    Task<RateCounterValue> GetAsync(string kind, DateTimeOffset windowStart, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds one to the counter when its ETag still equals <paramref name="expectedETag"/> (null: the counter must not
    /// exist yet). On a mismatch nothing changes and the result carries the current value.
    /// </summary>
    Task<RateIncrementResult> TryIncrementAsync(string kind, DateTimeOffset windowStart, string? expectedETag, CancellationToken cancellationToken = default);
}

/// <summary>A counter's value and the ETag that identifies this version of it.</summary>
public readonly record struct RateCounterValue(int Count, string? ETag);

/// <summary>Result of a compare-and-swap increment: whether it was applied, and the counter after the attempt.</summary>
public readonly record struct RateIncrementResult(bool Succeeded, RateCounterValue Current);
