using System.Collections.Concurrent;
using AiSoc.Core.Tuning;

namespace AiSoc.Functions.Tests.Support;

/// <summary>An <see cref="ITuningRunStore"/> that keeps runs in memory, keyed by run time.</summary>
internal sealed class InMemoryTuningRunStore : ITuningRunStore
{
    private readonly ConcurrentDictionary<DateTimeOffset, TuningRunRecord> _runs = new();

    public IReadOnlyCollection<TuningRunRecord> Runs => [.. _runs.Values];

    public Task SaveAsync(TuningRunRecord run, CancellationToken cancellationToken = default)
    {
        _runs[run.RunAt] = run;
        return Task.CompletedTask;
    }

    public Task<TuningRunRecord?> GetLatestAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_runs.Values.OrderByDescending(run => run.RunAt).FirstOrDefault());

    public Task<IReadOnlyList<DetectorStatistics>> GetDetectorHistoryAsync(string detectorId, int maxRuns, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DetectorStatistics> history =
        [
            .. _runs.Values
                .OrderByDescending(run => run.RunAt)
                .SelectMany(run => run.Performance.Detectors
                    .Where(detector => detector.DetectorId == detectorId)
                    .Select(detector => new DetectorStatistics(run.RunAt, run.Performance.PeriodStart, run.Performance.PeriodEnd, detector)))
                .Take(maxRuns),
        ];
        return Task.FromResult(history);
    }
}
