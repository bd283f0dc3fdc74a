using AiSoc.Core.Response;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Response;

public sealed class ActionRateCounterTests : IDisposable
{
    private static readonly DateTimeOffset Window = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFiles _files = new();

    public static TheoryData<string> Kinds => ["memory", "file"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TryIncrement_StaleETag_ChangesNothing(string kind)
    {
        var counter = Create(kind);
        var first = await counter.TryIncrementAsync("isolate-device", Window, expectedETag: null);

        var stale = await counter.TryIncrementAsync("isolate-device", Window, expectedETag: null);

        Assert.True(first.Succeeded);
        Assert.False(stale.Succeeded);
        Assert.Equal(1, stale.Current.Count);
        Assert.Equal(first.Current.ETag, stale.Current.ETag);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TryReserve_ParallelCallers_NeverExceedLimit(string kind)
    {
        var counter = Create(kind);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => BlastRadiusGate.TryReserveAsync(counter, "isolate-device", Window, limit: 7))));

        Assert.Equal(7, results.Count(reserved => reserved));
        Assert.Equal(7, (await counter.GetAsync("isolate-device", Window)).Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TryReserve_AllReadSameETag_StopsAtLimit(string kind)
    {
        var inner = Create(kind);
        var counter = new InterleavingRateCounter(inner, readers: 8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => BlastRadiusGate.TryReserveAsync(counter, "isolate-device", Window, limit: 3))));

        Assert.Equal(3, results.Count(reserved => reserved));
        Assert.Equal(3, (await inner.GetAsync("isolate-device", Window)).Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TryReserve_OtherKind_HasOwnCounter(string kind)
    {
        var counter = Create(kind);
        await BlastRadiusGate.TryReserveAsync(counter, "isolate-device", Window, limit: 1);

        var reserved = await BlastRadiusGate.TryReserveAsync(counter, "disable-user", Window, limit: 1);

        Assert.True(reserved);
    }

    [Fact]
    public async Task FileCounter_SecondInstance_SeesSameCount()
    {
        var first = new FileActionRateCounter(_files.Root);
        await BlastRadiusGate.TryReserveAsync(first, "disable-user", Window, limit: 5);

        var second = new FileActionRateCounter(_files.Root);

        Assert.Equal(1, (await second.GetAsync("disable-user", Window)).Count);
    }

    [Fact]
    public void WindowStart_MidHour_TruncatesToHour()
    {
        var start = BlastRadiusGate.WindowStart(Window.AddMinutes(59), TimeSpan.FromHours(1));

        Assert.Equal(Window, start);
    }

    public void Dispose() => _files.Dispose();

    private IActionRateCounter Create(string kind) =>
        kind == "file" ? new FileActionRateCounter(_files.Root) : new InMemoryActionRateCounter();
}
