using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AiSoc.Core.Baselines;

/// <summary>
/// An <see cref="IBaselineStateRepository"/> with one <see cref="BaselineStateStore"/> file per scope,
/// <c>{folder}/{scope}.json</c>. The version token is the SHA-256 of the file. A save holds
/// <c>{scope}.json.lock</c> open without sharing while it compares the token and replaces the file, so two
/// processes on one machine cannot both pass the check.
/// </summary>
public sealed partial class FileBaselineStateRepository : IBaselineStateRepository
{
    private const int MaxReadAttempts = 5;

    private readonly string _folder;

    public FileBaselineStateRepository(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
    }

    /// <summary>Returns the file that stores <paramref name="scope"/>.</summary>
    /// <exception cref="ArgumentException">The scope name is not 1 to 100 letters, digits, '.', '-' or '_'.</exception>
    public string PathOf(string scope)
    {
        if (scope is null || !SafeScope().IsMatch(scope))
        {
            throw new ArgumentException($"Invalid baseline scope '{scope}': expected 1 to 100 letters, digits, '.', '-' or '_', not starting with '.'.", nameof(scope));
        }

        return Path.Combine(_folder, scope + ".json");
    }

    public Task<VersionedBaselineState> LoadAsync(string scope, CancellationToken cancellationToken = default)
    {
        var path = PathOf(scope);

        // Another run may replace the file between hashing and parsing. Equal hashes before and after prove which
        // version was parsed.
        for (var attempt = 1; attempt <= MaxReadAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = VersionOf(path);
            var state = BaselineStateStore.Load(path);
            var after = VersionOf(path);
            if (before == after)
            {
                return Task.FromResult(new VersionedBaselineState(state, after));
            }
        }

        throw new BaselineStateException($"Baseline state file {path} changed during each of {MaxReadAttempts} reads because another run is saving it repeatedly. Try again.");
    }

    public Task<string> SaveAsync(string scope, BaselineState state, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();

        var path = PathOf(scope);
        Directory.CreateDirectory(_folder);
        using var gate = OpenLock(path);

        var current = VersionOf(path);
        if (current != expectedVersion)
        {
            throw new BaselineStateConflictException(
                $"Baseline state file {path} was saved by another run after this run loaded it (expected version {expectedVersion ?? "none"}, found {current ?? "none"}). Load the state again and repeat the run.");
        }

        BaselineStateStore.Save(state, path);
        return Task.FromResult(VersionOf(path) ?? throw new BaselineStateException($"Baseline state file {path} is missing right after it was saved."));
    }

    private static FileStream OpenLock(string path)
    {
        var lockPath = path + ".lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error)
        {
            throw new BaselineStateConflictException($"Baseline state file {path} is being saved by another run ({lockPath} is locked). Load the state again and repeat the run.", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new BaselineStateException($"Cannot open lock file {lockPath}: {error.Message}", error);
        }
    }

    private static string? VersionOf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BaselineStateException($"Cannot read baseline state file {path}: {error.Message}", error);
        }
    }

    [GeneratedRegex("^(?!\\.)[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeScope();
}
