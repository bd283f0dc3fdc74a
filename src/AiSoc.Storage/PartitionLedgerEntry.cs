namespace AiSoc.Storage;

/// <summary>
/// Running counts of one partition. Event Hubs numbers the events of a partition without gaps and delivers them in
/// order. So a batch that starts past the next expected number means events expired or were skipped before
/// ingestion read them. A batch at or below the last number read is a redelivery after a lost checkpoint.
/// </summary>
public sealed record PartitionLedgerEntry
{
    public required string Source { get; init; }

    public required string PartitionId { get; init; }

    /// <summary>First sequence number ever read.</summary>
    public required long FirstSequence { get; init; }

    /// <summary>Highest sequence number read so far.</summary>
    public required long LastSequence { get; init; }

    /// <summary>Events read for the first time.</summary>
    public long EventsRead { get; init; }

    /// <summary>Events read again at or below <see cref="LastSequence"/>.</summary>
    public long EventsRedelivered { get; init; }

    /// <summary>Sequence numbers skipped between or inside batches: events the source sent that ingestion never read.</summary>
    public long EventsMissed { get; init; }

    /// <summary>Events the last applied batch found missing; not stored, so it is zero on an entry read back.</summary>
    public long LastBatchMissed { get; init; }

    public long AlertsStored { get; init; }

    public long DeadLettered { get; init; }

    public DateTimeOffset? NewestEnqueuedAt { get; init; }

    public required DateTimeOffset LastIngestedAt { get; init; }

    /// <summary>Seconds between the newest event's enqueue time and its ingestion; null when the host sent no enqueue time.</summary>
    public double? LastLagSeconds { get; init; }

    /// <summary>Starts the entry of a partition with its first batch.</summary>
    public static PartitionLedgerEntry Start(PartitionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        var empty = new PartitionLedgerEntry
        {
            Source = batch.Source,
            PartitionId = batch.PartitionId,
            FirstSequence = batch.FirstSequence,
            LastSequence = batch.FirstSequence - 1,
            LastIngestedAt = batch.IngestedAt,
        };
        return empty.Apply(batch);
    }

    /// <summary>Returns this entry with <paramref name="batch"/> counted.</summary>
    public PartitionLedgerEntry Apply(PartitionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // Events above the last number read are new. The rest of the batch was read before.
        var newEvents = batch.LastSequence <= LastSequence ? 0 : Math.Min(batch.Events, batch.LastSequence - LastSequence);
        var redelivered = batch.Events - newEvents;
        var expected = batch.LastSequence <= LastSequence ? 0 : batch.LastSequence - Math.Max(LastSequence, batch.FirstSequence - 1);
        var gapBefore = batch.FirstSequence > LastSequence + 1 ? batch.FirstSequence - LastSequence - 1 : 0;
        var missed = gapBefore + Math.Max(0, expected - newEvents);

        return this with
        {
            LastSequence = Math.Max(LastSequence, batch.LastSequence),
            EventsRead = EventsRead + newEvents,
            EventsRedelivered = EventsRedelivered + redelivered,
            EventsMissed = EventsMissed + missed,
            LastBatchMissed = missed,
            AlertsStored = AlertsStored + batch.AlertsStored,
            DeadLettered = DeadLettered + batch.DeadLettered,
            NewestEnqueuedAt = Max(NewestEnqueuedAt, batch.NewestEnqueuedAt),
            LastIngestedAt = Max(LastIngestedAt, batch.IngestedAt),
            LastLagSeconds = batch.NewestEnqueuedAt is { } enqueued ? Math.Max(0, (batch.IngestedAt - enqueued).TotalSeconds) : LastLagSeconds,
        };
    }

    private static DateTimeOffset? Max(DateTimeOffset? left, DateTimeOffset? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        return Max(left.Value, right.Value);
    }

    private static DateTimeOffset Max(DateTimeOffset left, DateTimeOffset right) => left > right ? left : right;
}
