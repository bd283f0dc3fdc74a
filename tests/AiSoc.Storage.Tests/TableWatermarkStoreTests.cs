namespace AiSoc.Storage.Tests;

public sealed class TableWatermarkStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Time = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Get_BeforeFirstSet_ReturnsNull()
    {
        var store = new TableWatermarkStore(await tables.CreateTableAsync("marks"));

        var watermark = await store.GetAsync("graph-alerts");

        Assert.Null(watermark);
    }

    [Fact]
    public async Task Set_LaterValue_MovesForward()
    {
        var store = new TableWatermarkStore(await tables.CreateTableAsync("marks"));
        await store.SetAsync("graph-alerts", Time);

        await store.SetAsync("graph-alerts", Time.AddMinutes(5));

        Assert.Equal(Time.AddMinutes(5), await store.GetAsync("graph-alerts"));
    }

    [Fact]
    public async Task Set_EarlierValue_KeepsLater()
    {
        var store = new TableWatermarkStore(await tables.CreateTableAsync("marks"));
        await store.SetAsync("graph-alerts", Time.AddMinutes(5));

        await store.SetAsync("graph-alerts", Time);

        Assert.Equal(Time.AddMinutes(5), await store.GetAsync("graph-alerts"));
    }
}
