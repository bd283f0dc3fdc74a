namespace AiSoc.Storage.Tests;

public sealed class TableDeadLetterStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Write_EventHubEvent_KeepsReasonAndPosition()
    {
        var store = new TableDeadLetterStore(await tables.CreateTableAsync("dead"));

        await store.WriteAsync(new DeadLetter("alerts-hub", "3", "4096", 17, null, "invalid JSON", "{oops", Now));

        var stored = Assert.Single(await store.ListAsync("alerts-hub"));
        Assert.Equal("invalid JSON", stored.Reason);
        Assert.Equal("3", stored.PartitionId);
        Assert.Equal("4096", stored.Offset);
        Assert.Equal(17, stored.SequenceNumber);
        Assert.Equal("{oops", stored.Body);
    }

    [Fact]
    public async Task Write_SamePositionTwice_KeepsOneRow()
    {
        var store = new TableDeadLetterStore(await tables.CreateTableAsync("dead"));
        var deadLetter = new DeadLetter("alerts-hub", "0", "10", 1, 2, "not an alert", "{}", Now);

        await store.WriteAsync(deadLetter);
        await store.WriteAsync(deadLetter with { RecordedAt = Now.AddMinutes(1) });

        Assert.Single(await store.ListAsync("alerts-hub"));
    }

    [Fact]
    public async Task Write_BodyOverLimit_CutsBody()
    {
        var store = new TableDeadLetterStore(await tables.CreateTableAsync("dead"));

        await store.WriteAsync(new DeadLetter("alerts-hub", "0", "10", 1, null, "too large", new string('x', DeadLetter.MaxBodyLength + 10), Now));

        Assert.Equal(DeadLetter.MaxBodyLength, Assert.Single(await store.ListAsync("alerts-hub")).Body.Length);
    }
}
