using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiSoc.Core.Response;

/// <summary>
/// An <see cref="IActionRateCounter"/> that keeps one small JSON file per kind and window in a folder. Each read
/// or compare-and-swap holds the file open with <see cref="FileShare.None"/>, which .NET enforces between
/// processes on Windows and, through advisory locks, between .NET processes on Linux and macOS.
/// </summary>
public sealed class FileActionRateCounter : IActionRateCounter
{
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(2);
    private const int MaxLockAttempts = 5000;

    private readonly string _folder;

    public FileActionRateCounter(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public async Task<RateCounterValue> GetAsync(string kind, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        await using var stream = await OpenExclusiveAsync(PathOf(kind, windowStart), cancellationToken).ConfigureAwait(false);
        return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RateIncrementResult> TryIncrementAsync(string kind, DateTimeOffset windowStart, string? expectedETag, CancellationToken cancellationToken = default)
    {
        await using var stream = await OpenExclusiveAsync(PathOf(kind, windowStart), cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (current.ETag != expectedETag)
        {
            return new RateIncrementResult(false, current);
        }

        var version = current.ETag is null ? 1 : long.Parse(current.ETag, CultureInfo.InvariantCulture) + 1;
        var next = new CounterFile(current.Count + 1, version);
        stream.SetLength(0);
        await JsonSerializer.SerializeAsync(stream, next, cancellationToken: cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

        return new RateIncrementResult(true, new RateCounterValue(next.Count, version.ToString(CultureInfo.InvariantCulture)));
    }

    private string PathOf(string kind, DateTimeOffset windowStart)
    {
        var safeKind = new StringBuilder(kind.Length);
        foreach (var c in kind)
        {
            safeKind.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_');
        }

        var window = windowStart.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(_folder, $"{safeKind}.{window}.json");
    }

    private static async Task<RateCounterValue> ReadAsync(FileStream stream, CancellationToken cancellationToken)
    {
        if (stream.Length == 0)
        {
            return new RateCounterValue(0, null);
        }

        stream.Position = 0;
        var file = await JsonSerializer.DeserializeAsync<CounterFile>(stream, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Rate counter file {stream.Name} is empty or null; delete it to reset the counter.");
        return new RateCounterValue(file.Count, file.Version.ToString(CultureInfo.InvariantCulture));
    }

    // Another writer keeps the file open only for one read-modify-write, so a short retry loop is enough.
    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, useAsync: true);
            }
            catch (IOException) when (attempt < MaxLockAttempts && File.Exists(path))
            {
                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed record CounterFile(int Count, long Version);
}
