namespace AiSoc.Storage;

/// <summary>
/// An event that could not be ingested, with where it came from so it can be found and replayed.
/// </summary>
/// <param name="Source">The channel, such as the event hub name or <c>graph-poller</c>.</param>
/// <param name="PartitionId">Event Hubs partition id; null for sources without partitions.</param>
/// <param name="Offset">Event Hubs offset of the event in its partition; null for sources without offsets.</param>
/// <param name="SequenceNumber">Event Hubs sequence number; null for sources without one.</param>
/// <param name="Item">Zero-based index inside a container event such as <c>{"records":[…]}</c>; null for the whole event.</param>
/// <param name="Reason">Why the event was rejected, naming the field when one field is at fault.</param>
/// <param name="Body">The event body as text, cut to <see cref="MaxBodyLength"/> characters.</param>
/// <param name="RecordedAt">When the dead letter was written, UTC.</param>
public sealed record DeadLetter(
    string Source,
    string? PartitionId,
    string? Offset,
    long? SequenceNumber,
    int? Item,
    string Reason,
    string Body,
    DateTimeOffset RecordedAt)
{
    /// <summary>Maximum body characters kept, so the row stays under the table storage property limit.</summary>
    public const int MaxBodyLength = 30_000;
}
