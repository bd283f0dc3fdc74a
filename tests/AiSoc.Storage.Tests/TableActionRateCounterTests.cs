using AiSoc.Core.Response;

namespace AiSoc.Storage.Tests;

public sealed class TableActionRateCounterTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Window = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Get_MissingCounter_ReturnsZeroWithoutETag()
    {
        var counter = new TableActionRateCounter(await tables.CreateTableAsync("rates"));

        var value = await counter.GetAsync("disable-user", Window);

        Assert.Equal(0, value.Count);
        Assert.Null(value.ETag);
    }

    [Fact]
    public async Task TryIncrement_CurrentETag_AddsOne()
    {
        var counter = new TableActionRateCounter(await tables.CreateTableAsync("rates"));
        var first = await counter.TryIncrementAsync("disable-user", Window, null);

        var second = await counter.TryIncrementAsync("disable-user", Window, first.Current.ETag);

        Assert.True(second.Succeeded);
        Assert.Equal(2, second.Current.Count);
        Assert.Equal(second.Current, await counter.GetAsync("disable-user", Window));
    }

    [Fact]
    public async Task TryIncrement_StaleETag_ReturnsCurrentValue()
    {
        var counter = new TableActionRateCounter(await tables.CreateTableAsync("rates"));
        var first = await counter.TryIncrementAsync("disable-user", Window, null);
        await counter.TryIncrementAsync("disable-user", Window, first.Current.ETag);

        var stale = await counter.TryIncrementAsync("disable-user", Window, first.Current.ETag);

        Assert.False(stale.Succeeded);
        Assert.Equal(2, stale.Current.Count);
    }

    [Fact]
    public async Task TryIncrement_ParallelCallersWithLimit_NeverExceedLimit()
    {
        const int limit = 5;
        var counter = new TableActionRateCounter(await tables.CreateTableAsync("rates"));
        var granted = 0;

        // Each caller acts like BlastRadiusGate: read, check the limit, compare-and-swap, retry on a lost race.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var current = await counter.GetAsync("disable-user", Window);
            while (current.Count < limit)
            {
                var result = await counter.TryIncrementAsync("disable-user", Window, current.ETag);
                if (result.Succeeded)
                {
                    Interlocked.Increment(ref granted);
                    return;
                }

                current = result.Current;
            }
        })));

        Assert.Equal(limit, granted);
        Assert.Equal(limit, (await counter.GetAsync("disable-user", Window)).Count);
    }

    [Fact]
    public async Task TryIncrement_OtherWindow_CountsSeparately()
    {
        var counter = new TableActionRateCounter(await tables.CreateTableAsync("rates"));
        await counter.TryIncrementAsync("disable-user", Window, null);

        var next = await counter.TryIncrementAsync("disable-user", Window.AddHours(1), null);

        Assert.True(next.Succeeded);
        Assert.Equal(1, next.Current.Count);
    }
}
