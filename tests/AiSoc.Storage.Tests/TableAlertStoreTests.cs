using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Storage.Tests;

public sealed class TableAlertStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Created = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Upsert_NewAlert_Inserts()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));

        var outcome = await store.UpsertAsync(Alert("da-1", "first", updated: null));

        Assert.Equal(AlertWriteOutcome.Inserted, outcome);
        Assert.Equal("da-1", (await store.GetAsync(StableIds.ForAlert("da-1")))!.ProviderAlertId);
    }

    [Fact]
    public async Task Upsert_NewerVersion_Replaces()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        await store.UpsertAsync(Alert("da-1", "first", updated: Created.AddMinutes(1)));

        var outcome = await store.UpsertAsync(Alert("da-1", "second", updated: Created.AddMinutes(5)));

        Assert.Equal(AlertWriteOutcome.Updated, outcome);
        Assert.Contains("\"second\"", (await store.GetAsync(StableIds.ForAlert("da-1")))!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_OlderOrSameVersion_KeepsStored()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        await store.UpsertAsync(Alert("da-1", "newest", updated: Created.AddMinutes(5)));

        var older = await store.UpsertAsync(Alert("da-1", "older", updated: Created.AddMinutes(1)));
        var redelivered = await store.UpsertAsync(Alert("da-1", "redelivered", updated: Created.AddMinutes(5)));

        Assert.Equal(AlertWriteOutcome.Unchanged, older);
        Assert.Equal(AlertWriteOutcome.Unchanged, redelivered);
        Assert.Contains("\"newest\"", (await store.GetAsync(StableIds.ForAlert("da-1")))!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ParallelVersions_NewestWins()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));

        await Task.WhenAll(Enumerable.Range(1, 8).Select(minute => Task.Run(() =>
            store.UpsertAsync(Alert("da-1", $"v{minute}", updated: Created.AddMinutes(minute))))));

        var stored = await store.GetAsync(StableIds.ForAlert("da-1"));
        Assert.Equal(Created.AddMinutes(8), stored!.VersionTime);
        Assert.Contains("\"v8\"", stored.Json, StringComparison.Ordinal);
    }

    private static NormalizedAlert Alert(string providerId, string title, DateTimeOffset? updated) => new()
    {
        Id = StableIds.ForAlert(providerId),
        Source = SourceProduct.DefenderXdr,
        ProviderAlertId = providerId,
        Title = title,
        CreatedAt = Created,
        LastUpdatedAt = updated,
        Raw = new RawRecordRef("eventhub:alerts", 0),
    };
}
