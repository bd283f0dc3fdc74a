using AiSoc.Core.Response;

namespace AiSoc.Core.Tests.Response;

/// <summary>
/// Wraps a counter so that the first <c>readers</c> reads wait for each other. Every caller then sees the same
/// ETag before anyone increments. That is the worst interleaving for a compare-and-swap loop.
/// </summary>
internal sealed class InterleavingRateCounter(IActionRateCounter inner, int readers) : IActionRateCounter
{
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    public async Task<RateCounterValue> GetAsync(string kind, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        var value = await inner.GetAsync(kind, windowStart, cancellationToken);
        var read = Interlocked.Increment(ref _reads);
        if (read == readers)
        {
            _allRead.SetResult();
        }

        if (read <= readers)
        {
            await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return value;
    }

    public Task<RateIncrementResult> TryIncrementAsync(string kind, DateTimeOffset windowStart, string? expectedETag, CancellationToken cancellationToken = default) =>
        inner.TryIncrementAsync(kind, windowStart, expectedETag, cancellationToken);
}
