namespace AiSoc.Storage.Tests;

public sealed class TableIngestionLedgerTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Time = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Record_TwoBatchesWithGap_StoresRunningCounts()
    {
        var ledger = new TableIngestionLedger(await tables.CreateTableAsync("ledger"));
        await ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "0", 0, 9, 10, Time.AddSeconds(-5), Time, 12, 1));

        await ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "0", 20, 24, 5, Time.AddSeconds(55), Time.AddMinutes(1), 4, 0));

        var entry = Assert.Single(await ledger.ListAsync("aisoc-alerts"));
        Assert.Equal((15L, 10L, 16L, 1L, 24L), (entry.EventsRead, entry.EventsMissed, entry.AlertsStored, entry.DeadLettered, entry.LastSequence));
    }

    [Fact]
    public async Task List_TwoPartitions_ReturnsOneEntryEach()
    {
        var ledger = new TableIngestionLedger(await tables.CreateTableAsync("ledger"));
        await ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "0", 0, 9, 10, null, Time, 10, 0));
        await ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "1", 0, 4, 5, null, Time, 5, 0));
        await ledger.RecordAsync(new PartitionBatch("other-hub", "0", 0, 4, 5, null, Time, 5, 0));

        var entries = await ledger.ListAsync("aisoc-alerts");

        Assert.Equal(["0", "1"], entries.Select(entry => entry.PartitionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_ConcurrentBatchesOfOnePartition_CountsBoth()
    {
        var ledger = new TableIngestionLedger(await tables.CreateTableAsync("ledger"));
        await ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "0", 0, 9, 10, null, Time, 10, 0));

        await Task.WhenAll(
            ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "0", 10, 19, 10, null, Time, 10, 0)),
            ledger.RecordAsync(new PartitionBatch("aisoc-alerts", "0", 10, 19, 10, null, Time, 10, 0)));

        var entry = Assert.Single(await ledger.ListAsync("aisoc-alerts"));
        Assert.Equal((20L, 10L), (entry.EventsRead, entry.EventsRedelivered));
    }
}
