using System.Collections.Concurrent;

namespace AiSoc.Approvals.Tests;

public sealed class ApprovalStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aisoc-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Kinds => ["memory", "file"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Create_SameIdTwice_ReturnsFalse(string kind)
    {
        var store = Create(kind);
        var request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation(), ApprovalFixtures.Now);
        await store.CreateAsync(request);

        var second = await store.CreateAsync(request);

        Assert.False(second);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TryReplace_ParallelWithSameETag_ExactlyOneWins(string kind)
    {
        var store = Create(kind);
        var request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation(), ApprovalFixtures.Now);
        await store.CreateAsync(request);
        var etag = (await store.GetAsync("appr-1"))!.ETag;
        var winners = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var decided = request with { Status = ApprovalStatus.Approved, DecidedBy = $"user-{i}" };
            if (await store.TryReplaceAsync(decided, etag))
            {
                winners.Add(decided.DecidedBy!);
            }
        })));

        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await store.GetAsync("appr-1"))!.Request.DecidedBy);
    }

    [Fact]
    public async Task FileStore_RoundTrip_KeepsActions()
    {
        var store = new FileApprovalStore(_folder);
        var request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation(), ApprovalFixtures.Now);
        await store.CreateAsync(request);

        var stored = (await store.GetAsync("appr-1"))!.Request;

        Assert.Equal(request.PlanHash, stored.PlanHash);
        Assert.Equal(request.ExpiresAt, stored.ExpiresAt);
        Assert.Equal(request.Actions.Select(action => action.IdempotencyKey), stored.Actions.Select(action => action.IdempotencyKey));
        Assert.Equal([ApprovalFixtures.TargetOid, ApprovalFixtures.TargetUpn], stored.Actions[0].TargetIdentities);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private IApprovalStore Create(string kind) => kind == "file" ? new FileApprovalStore(_folder) : new InMemoryApprovalStore();
}
