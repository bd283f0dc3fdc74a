using AiSoc.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Storage.Tests;

public sealed class TableAuditLogTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567));

    [Fact]
    public async Task Append_TwoEntries_ChainsHashes()
    {
        var log = new TableAuditLog(await tables.CreateTableAsync("audit"), _time);

        var first = await log.AppendAsync(Entry("inv-1", "triaged"));
        var second = await log.AppendAsync(Entry("inv-1", "approved"));

        Assert.Equal(AuditHasher.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(2, second.Sequence);
    }

    [Fact]
    public async Task ReadInvestigation_TwoInvestigations_ReturnsOnlyOneInOrder()
    {
        var log = new TableAuditLog(await tables.CreateTableAsync("audit"), _time);
        await log.AppendAsync(Entry("inv-1", "triaged"));
        await log.AppendAsync(Entry("inv-2", "triaged"));
        await log.AppendAsync(Entry("inv-1", "approved"));

        var records = await log.ReadInvestigationAsync("inv-1");

        Assert.Equal(["triaged", "approved"], records.Select(record => record.Outcome));
    }

    [Fact]
    public async Task ReadAll_AfterRoundTrip_HashesStillMatchContent()
    {
        var log = new TableAuditLog(await tables.CreateTableAsync("audit"), _time);
        await log.AppendAsync(Entry("inv-1", "triaged") with { Inputs = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } });

        var record = Assert.Single(await log.ReadAllAsync());

        Assert.Equal(record.Hash, AuditHasher.Compute(record));
        Assert.Equal(_time.GetUtcNow(), record.Timestamp);
    }

    [Fact]
    public async Task Append_ParallelWriters_FormOneUnbrokenChain()
    {
        var log = new TableAuditLog(await tables.CreateTableAsync("audit"), _time);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => log.AppendAsync(Entry($"inv-{i}", "triaged")))));

        var records = await log.ReadAllAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), records.Select(record => record.Sequence));
        for (var i = 1; i < records.Count; i++)
        {
            Assert.Equal(records[i - 1].Hash, records[i].PreviousHash);
        }
    }

    private static AuditEntry Entry(string investigationId, string outcome) => new()
    {
        InvestigationId = investigationId,
        Kind = "step",
        Name = "triage",
        Actor = "aisoc",
        Outcome = outcome,
    };
}
