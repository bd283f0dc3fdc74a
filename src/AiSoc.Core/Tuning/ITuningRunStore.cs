using AiSoc.Core.Tuning.Performance;

namespace AiSoc.Core.Tuning;

/// <summary>
/// Keeps the result of each scheduled tuning run: the detection statistics of the period, the report and the
/// proposals for review. Detection statistics are also kept per detector, so a detector's trend reads one partition.
/// </summary>
public interface ITuningRunStore
{
    /// <summary>Saves one run; saving the same <see cref="TuningRunRecord.RunAt"/> again replaces it.</summary>
    Task SaveAsync(TuningRunRecord run, CancellationToken cancellationToken = default);

    /// <summary>Returns the newest run, or null when none is saved.</summary>
    Task<TuningRunRecord?> GetLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns a detector's statistics of the newest <paramref name="maxRuns"/> runs, newest first.</summary>
    Task<IReadOnlyList<DetectorStatistics>> GetDetectorHistoryAsync(string detectorId, int maxRuns, CancellationToken cancellationToken = default);
}

/// <summary>One tuning run.</summary>
/// <param name="RunAt">When the run started, UTC; identifies the run.</param>
/// <param name="Performance">Detection statistics of the period.</param>
/// <param name="ReportMarkdown">The Markdown tuning report.</param>
/// <param name="ProposalsJson">The <c>proposals.json</c> document for review; proposals are never applied automatically.</param>
public sealed record TuningRunRecord(DateTimeOffset RunAt, DetectionPerformance Performance, string ReportMarkdown, string ProposalsJson);

/// <summary>One detector's statistics in one run.</summary>
public sealed record DetectorStatistics(DateTimeOffset RunAt, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd, DetectorPerformance Performance);
