using System.Globalization;

namespace AiSoc.Core.Response;

/// <summary>An <see cref="IActionRateCounter"/> for one process, such as tests or a single-instance host.</summary>
public sealed class InMemoryActionRateCounter : IActionRateCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, DateTimeOffset WindowStart), (int Count, long Version)> _counters = [];

    public Task<RateCounterValue> GetAsync(string kind, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Read(kind, windowStart));
        }
    }

    public Task<RateIncrementResult> TryIncrementAsync(string kind, DateTimeOffset windowStart, string? expectedETag, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var current = Read(kind, windowStart);
            if (current.ETag != expectedETag)
            {
                return Task.FromResult(new RateIncrementResult(false, current));
            }

            var version = _counters.TryGetValue((kind, windowStart), out var entry) ? entry.Version + 1 : 1;
            _counters[(kind, windowStart)] = (current.Count + 1, version);
            return Task.FromResult(new RateIncrementResult(true, Read(kind, windowStart)));
        }
    }

    private RateCounterValue Read(string kind, DateTimeOffset windowStart) =>
        _counters.TryGetValue((kind, windowStart), out var entry)
            ? new RateCounterValue(entry.Count, entry.Version.ToString(CultureInfo.InvariantCulture))
            : new RateCounterValue(0, null);
}
