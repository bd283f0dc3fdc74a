using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Output;
using AiSoc.Core.Schema;

namespace AiSoc.Storage.Tests;

/// <summary>Defender XDR streaming rows of one alert that arrive in different Event Hubs batches.</summary>
public sealed class TableAlertStoreJoinTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly string AlertId = StableIds.ForAlert(StreamingSample.ProviderAlertId);

    [Fact]
    public void OutputJson_AlertWithEntities_RoundTrips()
    {
        var evidence = StreamingSample.Rows()[3];
        var json = JsonSerializer.Serialize(evidence, OutputJson.Options);

        var copy = JsonSerializer.Deserialize<NormalizedAlert>(json, OutputJson.Options);

        Assert.NotEmpty(copy!.Entities);
        Assert.Equal(evidence.Entities.Select(entity => entity.GetType()), copy.Entities.Select(entity => entity.GetType()));
        Assert.Equal(json, JsonSerializer.Serialize(copy, OutputJson.Options));
    }

    [Fact]
    public async Task Upsert_InfoThenEvidence_JoinsEntities()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var rows = StreamingSample.Rows();

        var info = await store.UpsertAsync(rows[0]);
        var machine = await store.UpsertAsync(rows[1]);
        var user = await store.UpsertAsync(rows[2]);
        var stored = await store.GetAlertAsync(AlertId);

        Assert.Equal(AlertWriteOutcome.Inserted, info);
        Assert.Equal(AlertWriteOutcome.Updated, machine);
        Assert.Equal(AlertWriteOutcome.Updated, user);
        AssertInfoFields(stored!);
        Assert.Contains(stored!.Entities, entity => entity is HostEntity);
        Assert.Contains(stored.Entities, entity => entity is AccountEntity);
    }

    [Fact]
    public async Task Upsert_EvidenceThenInfo_JoinsEntities()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var rows = StreamingSample.Rows();

        await store.UpsertAsync(rows[2]);
        await store.UpsertAsync(rows[1]);
        var info = await store.UpsertAsync(rows[0]);
        var stored = await store.GetAlertAsync(AlertId);

        Assert.Equal(AlertWriteOutcome.Updated, info);
        AssertInfoFields(stored!);
        Assert.Contains(stored!.Entities, entity => entity is HostEntity);
        Assert.Contains(stored.Entities, entity => entity is AccountEntity);
    }

    [Fact]
    public async Task Upsert_EvidenceOnly_IsMarkedUntilInfoArrives()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var rows = StreamingSample.Rows();

        await store.UpsertAsync(rows[1]);
        var beforeInfo = await store.GetAlertAsync(AlertId);
        await store.UpsertAsync(rows[0]);
        var afterInfo = await store.GetAlertAsync(AlertId);

        Assert.True(beforeInfo!.IsEvidenceOnly);
        Assert.False(afterInfo!.IsEvidenceOnly);
    }

    [Fact]
    public async Task Upsert_AcrossCalls_MatchesInBatchDeduplication()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var (batch, _) = AlertDeduplicator.Deduplicate(StreamingSample.Rows());

        foreach (var row in StreamingSample.Rows())
        {
            await store.UpsertAsync(row);
        }

        var stored = await store.GetAsync(AlertId);
        Assert.Equal(JsonSerializer.Serialize(Assert.Single(batch), OutputJson.Options), stored!.Json);
    }

    [Fact]
    public async Task Upsert_RedeliveredRows_ChangeNothing()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        foreach (var row in StreamingSample.Rows())
        {
            await store.UpsertAsync(row);
        }

        var before = await store.GetAsync(AlertId);

        var outcomes = new List<AlertWriteOutcome>();
        foreach (var row in StreamingSample.Rows())
        {
            outcomes.Add(await store.UpsertAsync(row));
        }

        var after = await store.GetAsync(AlertId);
        Assert.All(outcomes, outcome => Assert.Equal(AlertWriteOutcome.Unchanged, outcome));
        Assert.Equal(before!.Json, after!.Json);
    }

    [Fact]
    public async Task Upsert_ParallelRows_JoinAllEntities()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var rows = StreamingSample.Rows();
        var (batch, _) = AlertDeduplicator.Deduplicate(StreamingSample.Rows());

        await Task.WhenAll(rows.Select(row => Task.Run(() => store.UpsertAsync(row))));
        var stored = await store.GetAlertAsync(AlertId);

        AssertInfoFields(stored!);
        Assert.Equal(Assert.Single(batch).Entities.Count, stored!.Entities.Count);
        Assert.Contains(stored.Entities, entity => entity is ProcessEntity or FileEntity);
    }

    [Fact]
    public async Task Upsert_CallerAlert_IsNotModified()
    {
        var store = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var rows = StreamingSample.Rows();
        await store.UpsertAsync(rows[1]);
        var entitiesBefore = rows[0].Entities.Count;

        await store.UpsertAsync(rows[0]);

        Assert.Equal(entitiesBefore, rows[0].Entities.Count);
    }

    private static void AssertInfoFields(NormalizedAlert stored)
    {
        Assert.Equal("Suspicious cloud sync tool used to copy files", stored.Title);
        Assert.Equal(Severity.High, stored.Severity);
        Assert.Equal("AlertInfo", stored.Extra["streamingTable"]);
        Assert.Equal(StreamingSample.ProviderAlertId, stored.ProviderAlertId);
        Assert.Contains("T1567.002", stored.Techniques);
        Assert.False(stored.IsEvidenceOnly);
    }
}
