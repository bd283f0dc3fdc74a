namespace AiSoc.Storage;

/// <summary>The positions and results of one ingested batch of one partition.</summary>
/// <param name="Source">The stream, such as the event hub name.</param>
/// <param name="PartitionId">The partition the events came from.</param>
/// <param name="FirstSequence">Lowest sequence number in the batch.</param>
/// <param name="LastSequence">Highest sequence number in the batch.</param>
/// <param name="Events">Events in the batch.</param>
/// <param name="NewestEnqueuedAt">When the newest event of the batch was enqueued, UTC, when the host sent it.</param>
/// <param name="IngestedAt">When the batch was ingested, UTC.</param>
/// <param name="AlertsStored">Alerts written as new or newer versions.</param>
/// <param name="DeadLettered">Records and alerts written to the dead-letter store.</param>
public sealed record PartitionBatch(
    string Source,
    string PartitionId,
    long FirstSequence,
    long LastSequence,
    int Events,
    DateTimeOffset? NewestEnqueuedAt,
    DateTimeOffset IngestedAt,
    int AlertsStored,
    int DeadLettered);
