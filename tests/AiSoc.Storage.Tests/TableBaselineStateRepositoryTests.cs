using AiSoc.Core.Baselines;
using Azure.Data.Tables;

namespace AiSoc.Storage.Tests;

public sealed class TableBaselineStateRepositoryTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    [Fact]
    public async Task Load_NothingSaved_ReturnsEmptyState()
    {
        var repository = new TableBaselineStateRepository(await tables.CreateTableAsync("baselines"));

        var loaded = await repository.LoadAsync("tenant-a");

        Assert.Null(loaded.Version);
        Assert.Empty(loaded.State.Users);
    }

    [Fact]
    public async Task Save_ThenLoad_RoundTrips()
    {
        var repository = new TableBaselineStateRepository(await tables.CreateTableAsync("baselines"));
        var state = BaselineStates.WithUsers(3);

        var version = await repository.SaveAsync("tenant-a", state, expectedVersion: null);
        var loaded = await repository.LoadAsync("tenant-a");

        Assert.Equal(version, loaded.Version);
        Assert.Equal(BaselineStates.Json(state), BaselineStates.Json(loaded.State));
    }

    [Fact]
    public async Task Save_LargeState_SpansRows()
    {
        var table = await tables.CreateTableAsync("baselines");
        var repository = new TableBaselineStateRepository(table);
        var state = BaselineStates.WithUsers(2_500);

        await repository.SaveAsync("tenant-a", state, expectedVersion: null);
        var loaded = await repository.LoadAsync("tenant-a");
        var head = (await table.GetEntityAsync<TableEntity>("scope-tenant-a", "head")).Value;

        Assert.True(head.GetInt32("CurrentRows") > 1);
        Assert.Equal(BaselineStates.Json(state), BaselineStates.Json(loaded.State));
    }

    [Fact]
    public async Task Save_StaleVersion_ThrowsConflictAndKeepsWinner()
    {
        var repository = new TableBaselineStateRepository(await tables.CreateTableAsync("baselines"));
        var initial = await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(1), expectedVersion: null);
        await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(2), initial);

        var error = await Assert.ThrowsAsync<BaselineStateConflictException>(() => repository.SaveAsync("tenant-a", BaselineStates.WithUsers(5), initial));
        var loaded = await repository.LoadAsync("tenant-a");

        Assert.Contains("tenant-a", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, loaded.State.Users.Count);
    }

    [Fact]
    public async Task Save_NullVersionAfterSave_ThrowsConflict()
    {
        var repository = new TableBaselineStateRepository(await tables.CreateTableAsync("baselines"));
        await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(1), expectedVersion: null);

        await Assert.ThrowsAsync<BaselineStateConflictException>(() => repository.SaveAsync("tenant-a", BaselineStates.WithUsers(2), expectedVersion: null));
    }

    [Fact]
    public async Task Save_ParallelFromSameVersion_OneWins()
    {
        var table = await tables.CreateTableAsync("baselines");
        var repository = new TableBaselineStateRepository(table);
        var initial = await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(1), expectedVersion: null);

        var attempts = Enumerable.Range(2, 6).Select(users => Task.Run(async () =>
        {
            try
            {
                await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(users), initial);
                return true;
            }
            catch (BaselineStateConflictException)
            {
                return false;
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);
        var loaded = await repository.LoadAsync("tenant-a");
        var dataRows = table.Query<TableEntity>(entity => entity.PartitionKey == "scope-tenant-a" && entity.RowKey != "head").ToList();

        Assert.Single(results, won => won);
        Assert.NotEqual(1, loaded.State.Users.Count);
        Assert.Equal(2, dataRows.Count);
    }

    [Fact]
    public async Task Save_Repeatedly_KeepsCurrentAndPreviousGeneration()
    {
        var table = await tables.CreateTableAsync("baselines");
        var repository = new TableBaselineStateRepository(table);
        string? version = null;

        for (var run = 1; run <= 4; run++)
        {
            version = await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(run), version);
        }

        var dataRows = table.Query<TableEntity>(entity => entity.PartitionKey == "scope-tenant-a" && entity.RowKey != "head").ToList();
        var loaded = await repository.LoadAsync("tenant-a");
        Assert.Equal(2, dataRows.Count);
        Assert.Equal(4, loaded.State.Users.Count);
    }

    [Fact]
    public async Task Load_OtherFormatVersion_ThrowsNamingScope()
    {
        var repository = new TableBaselineStateRepository(await tables.CreateTableAsync("baselines"));
        await repository.SaveAsync("tenant-a", new BaselineState { Version = 99 }, expectedVersion: null);

        var error = await Assert.ThrowsAsync<BaselineStateException>(() => repository.LoadAsync("tenant-a"));

        Assert.Contains("tenant-a", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingDataRow_ThrowsNamingScope()
    {
        var table = await tables.CreateTableAsync("baselines");
        var repository = new TableBaselineStateRepository(table);
        await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(2_500), expectedVersion: null);
        var lastRow = table.Query<TableEntity>(entity => entity.PartitionKey == "scope-tenant-a" && entity.RowKey != "head").Last();
        await table.DeleteEntityAsync(lastRow.PartitionKey, lastRow.RowKey);

        var error = await Assert.ThrowsAsync<BaselineStateException>(() => repository.LoadAsync("tenant-a"));

        Assert.Contains("tenant-a", error.Message, StringComparison.Ordinal);
        Assert.Contains("lacks some of its", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scopes_WithReservedCharacters_StaySeparate()
    {
        var repository = new TableBaselineStateRepository(await tables.CreateTableAsync("baselines"));
        await repository.SaveAsync("tenant/a", BaselineStates.WithUsers(1), expectedVersion: null);
        await repository.SaveAsync("tenant_a", BaselineStates.WithUsers(2), expectedVersion: null);

        var slash = await repository.LoadAsync("tenant/a");
        var underscore = await repository.LoadAsync("tenant_a");

        Assert.Single(slash.State.Users);
        Assert.Equal(2, underscore.State.Users.Count);
    }
}
