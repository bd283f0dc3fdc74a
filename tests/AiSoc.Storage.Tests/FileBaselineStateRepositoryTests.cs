using AiSoc.Core.Baselines;

namespace AiSoc.Storage.Tests;

public sealed class FileBaselineStateRepositoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aisoc-baselines-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Load_NoFile_ReturnsEmptyState()
    {
        var repository = new FileBaselineStateRepository(_folder);

        var loaded = await repository.LoadAsync("tenant-a");

        Assert.Null(loaded.Version);
        Assert.Empty(loaded.State.Users);
    }

    [Fact]
    public async Task Save_ThenLoad_RoundTripsWithSameVersion()
    {
        var repository = new FileBaselineStateRepository(_folder);
        var state = BaselineStates.WithUsers(3);

        var version = await repository.SaveAsync("tenant-a", state, expectedVersion: null);
        var loaded = await repository.LoadAsync("tenant-a");

        Assert.Equal(version, loaded.Version);
        Assert.Equal(BaselineStates.Json(state), BaselineStates.Json(loaded.State));
        Assert.True(File.Exists(Path.Combine(_folder, "tenant-a.json")));
    }

    [Fact]
    public async Task Save_StaleVersion_ThrowsConflictAndKeepsWinner()
    {
        var repository = new FileBaselineStateRepository(_folder);
        var initial = await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(1), expectedVersion: null);
        await repository.SaveAsync("tenant-a", BaselineStates.WithUsers(2), initial);

        var error = await Assert.ThrowsAsync<BaselineStateConflictException>(() => repository.SaveAsync("tenant-a", BaselineStates.WithUsers(5), initial));
        var loaded = await repository.LoadAsync("tenant-a");

        Assert.Contains("tenant-a.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, loaded.State.Users.Count);
    }

    [Fact]
    public async Task Save_WhileAnotherSaveHoldsLock_ThrowsConflict()
    {
        var repository = new FileBaselineStateRepository(_folder);
        Directory.CreateDirectory(_folder);
        using var otherRun = new FileStream(Path.Combine(_folder, "tenant-a.json.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        await Assert.ThrowsAsync<BaselineStateConflictException>(() => repository.SaveAsync("tenant-a", BaselineStates.WithUsers(1), expectedVersion: null));
    }

    [Fact]
    public async Task Load_InvalidScope_ThrowsArgumentException()
    {
        var repository = new FileBaselineStateRepository(_folder);

        await Assert.ThrowsAsync<ArgumentException>(() => repository.LoadAsync("../tenant-a"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
