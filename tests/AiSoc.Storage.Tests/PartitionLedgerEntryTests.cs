namespace AiSoc.Storage.Tests;

public sealed class PartitionLedgerEntryTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_FirstBatch_CountsEveryEventAsRead()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        Assert.Equal((100L, 109L, 10L, 0L, 0L), (entry.FirstSequence, entry.LastSequence, entry.EventsRead, entry.EventsRedelivered, entry.EventsMissed));
    }

    [Fact]
    public void Apply_NextContiguousBatch_MissesNothing()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        var updated = entry.Apply(Batch(110, 114, 5));

        Assert.Equal((114L, 15L, 0L), (updated.LastSequence, updated.EventsRead, updated.EventsMissed));
    }

    [Fact]
    public void Apply_BatchAfterGap_CountsSkippedEventsAsMissed()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        var updated = entry.Apply(Batch(150, 154, 5));

        Assert.Equal(40L, updated.EventsMissed);
    }

    [Fact]
    public void Apply_RepeatedBatch_CountsRedeliveryOnly()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        var updated = entry.Apply(Batch(100, 109, 10));

        Assert.Equal((10L, 10L, 0L), (updated.EventsRead, updated.EventsRedelivered, updated.EventsMissed));
    }

    [Fact]
    public void Apply_OverlappingBatch_SplitsNewAndRedelivered()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        var updated = entry.Apply(Batch(105, 119, 15));

        Assert.Equal((20L, 5L, 0L), (updated.EventsRead, updated.EventsRedelivered, updated.EventsMissed));
    }

    [Fact]
    public void Apply_BatchWithHoleInside_CountsHoleAsMissed()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        var updated = entry.Apply(Batch(110, 119, 8));

        Assert.Equal((18L, 2L), (updated.EventsRead, updated.EventsMissed));
    }

    [Fact]
    public void Apply_BatchWithEnqueueTime_RecordsLag()
    {
        var entry = PartitionLedgerEntry.Start(Batch(100, 109, 10));

        var updated = entry.Apply(Batch(110, 119, 10) with { NewestEnqueuedAt = Time.AddSeconds(-42), IngestedAt = Time });

        Assert.Equal(42, updated.LastLagSeconds);
    }

    private static PartitionBatch Batch(long first, long last, int events) =>
        new("aisoc-alerts", "0", first, last, events, null, Time, events, 0);
}
