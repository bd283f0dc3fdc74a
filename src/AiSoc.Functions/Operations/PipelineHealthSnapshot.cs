namespace AiSoc.Functions.Operations;

/// <summary>Pipeline health at one time, for the health route and the metrics instruments.</summary>
/// <param name="CollectedAt">When the values were read, UTC.</param>
/// <param name="IngestionLagSeconds">Per polled source, seconds between now and its watermark; per event hub, seconds between the newest event's enqueue time and its ingestion. Null before the first poll or batch.</param>
/// <param name="DeadLetters">Dead-lettered records per source.</param>
/// <param name="ApprovalsWaiting">Pending approval requests that have not expired.</param>
/// <param name="OldestApprovalAgeSeconds">Age of the oldest waiting approval request; null when none waits.</param>
/// <param name="InvestigationsByStage">Investigations per stage.</param>
/// <param name="Streams">Per event hub, the delivered events reconciled against their sequence numbers.</param>
public sealed record PipelineHealthSnapshot(
    DateTimeOffset CollectedAt,
    IReadOnlyDictionary<string, double?> IngestionLagSeconds,
    IReadOnlyDictionary<string, int> DeadLetters,
    int ApprovalsWaiting,
    double? OldestApprovalAgeSeconds,
    IReadOnlyDictionary<string, int> InvestigationsByStage,
    IReadOnlyDictionary<string, StreamReconciliation>? Streams = null);
