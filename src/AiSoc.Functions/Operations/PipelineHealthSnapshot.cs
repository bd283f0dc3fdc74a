namespace AiSoc.Functions.Operations;

/// <summary>Pipeline health at one time, for the health route and the metrics instruments.</summary>
/// <param name="CollectedAt">When the values were read, UTC.</param>
/// <param name="IngestionLagSeconds">Seconds between now and each polled source's watermark; null before its first poll.</param>
/// <param name="DeadLetters">Dead-lettered records per source.</param>
/// <param name="ApprovalsWaiting">Pending approval requests that have not expired.</param>
/// <param name="OldestApprovalAgeSeconds">Age of the oldest waiting approval request; null when none waits.</param>
/// <param name="InvestigationsByStage">Investigations per stage.</param>
public sealed record PipelineHealthSnapshot(
    DateTimeOffset CollectedAt,
    IReadOnlyDictionary<string, double?> IngestionLagSeconds,
    IReadOnlyDictionary<string, int> DeadLetters,
    int ApprovalsWaiting,
    double? OldestApprovalAgeSeconds,
    IReadOnlyDictionary<string, int> InvestigationsByStage);
