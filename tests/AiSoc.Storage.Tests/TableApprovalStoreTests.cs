using System.Collections.Concurrent;
using AiSoc.Approvals;
using AiSoc.Core.Response;

namespace AiSoc.Storage.Tests;

public sealed class TableApprovalStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_SameIdTwice_ReturnsFalse()
    {
        var store = new TableApprovalStore(await tables.CreateTableAsync("approvals"));
        await store.CreateAsync(Request("appr-1"));

        var second = await store.CreateAsync(Request("appr-1"));

        Assert.False(second);
    }

    [Fact]
    public async Task Get_AfterCreate_ReturnsRequestWithActions()
    {
        var store = new TableApprovalStore(await tables.CreateTableAsync("approvals"));
        var request = Request("appr-1");
        await store.CreateAsync(request);

        var stored = await store.GetAsync("appr-1");

        Assert.NotNull(stored);
        Assert.Equal(request.PlanHash, stored.Request.PlanHash);
        Assert.Equal(request.ExpiresAt, stored.Request.ExpiresAt);
        Assert.Equal("inv-1|disable-user|oid:1", Assert.Single(stored.Request.Actions).IdempotencyKey);
        Assert.False(string.IsNullOrEmpty(stored.ETag));
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        var store = new TableApprovalStore(await tables.CreateTableAsync("approvals"));

        var stored = await store.GetAsync("missing");

        Assert.Null(stored);
    }

    [Fact]
    public async Task TryReplace_StaleETag_ReturnsFalse()
    {
        var store = new TableApprovalStore(await tables.CreateTableAsync("approvals"));
        await store.CreateAsync(Request("appr-1"));
        var etag = (await store.GetAsync("appr-1"))!.ETag;
        await store.TryReplaceAsync(Request("appr-1") with { Status = ApprovalStatus.Approved }, etag);

        var replaced = await store.TryReplaceAsync(Request("appr-1") with { Status = ApprovalStatus.Rejected }, etag);

        Assert.False(replaced);
        Assert.Equal(ApprovalStatus.Approved, (await store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task TryReplace_ParallelWithSameETag_ExactlyOneWins()
    {
        var store = new TableApprovalStore(await tables.CreateTableAsync("approvals"));
        await store.CreateAsync(Request("appr-1"));
        var etag = (await store.GetAsync("appr-1"))!.ETag;
        var winners = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var decided = Request("appr-1") with { Status = ApprovalStatus.Approved, DecidedBy = $"user-{i}" };
            if (await store.TryReplaceAsync(decided, etag))
            {
                winners.Add(decided.DecidedBy!);
            }
        })));

        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await store.GetAsync("appr-1"))!.Request.DecidedBy);
    }

    [Fact]
    public async Task Create_IdWithSlash_ThrowsNamingId()
    {
        var store = new TableApprovalStore(await tables.CreateTableAsync("approvals"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(Request("a/b")));

        Assert.Contains("'a/b'", error.Message, StringComparison.Ordinal);
    }

    private static ApprovalRequest Request(string id) => new()
    {
        ApprovalId = id,
        InvestigationId = "inv-1",
        PlanHash = new string('a', 64),
        Actions = [new ApprovalAction("inv-1|disable-user|oid:1", ResponseActionType.DisableUser, "account", "oid:1", "Alice", ImpactLevel.High, ["1"])],
        CreatedAt = Now,
        ExpiresAt = Now.AddHours(2),
        EscalateTo = "soc-lead",
    };
}
