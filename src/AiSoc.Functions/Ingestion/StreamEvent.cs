namespace AiSoc.Functions.Ingestion;

/// <summary>One event of an alert stream with its Event Hubs position.</summary>
/// <param name="Body">The event body, a JSON record or a container such as <c>{"records":[…]}</c>.</param>
/// <param name="PartitionId">Event Hubs partition id, when known.</param>
/// <param name="Offset">Offset of the event in its partition, when known.</param>
/// <param name="SequenceNumber">Sequence number of the event in its partition, when known.</param>
/// <param name="EnqueuedAt">When Event Hubs accepted the event, UTC, when known.</param>
public sealed record StreamEvent(ReadOnlyMemory<byte> Body, string? PartitionId, string? Offset, long? SequenceNumber, DateTimeOffset? EnqueuedAt = null);
