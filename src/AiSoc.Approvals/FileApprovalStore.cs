using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Core.Output;

namespace AiSoc.Approvals;

/// <summary>
/// An <see cref="IApprovalStore"/> with one JSON file per request in a folder. Every read and compare-and-swap
/// opens the file with <see cref="FileShare.None"/>, so concurrent writers in this or another .NET process take
/// turns.
/// </summary>
public sealed partial class FileApprovalStore : IApprovalStore
{
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(2);
    private const int MaxLockAttempts = 5000;

    private readonly string _folder;

    public FileApprovalStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public async Task<bool> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await using var stream = new FileStream(PathOf(request.ApprovalId), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await JsonSerializer.SerializeAsync(stream, new ApprovalFile(request, 1), OutputJson.Options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException) when (File.Exists(PathOf(request.ApprovalId)))
        {
            return false;
        }
    }

    public async Task<StoredApproval?> GetAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(approvalId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = await OpenExclusiveAsync(path, cancellationToken).ConfigureAwait(false);
        var file = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        return new StoredApproval(file.Request, file.Version.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<bool> TryReplaceAsync(ApprovalRequest request, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = PathOf(request.ApprovalId);
        if (!File.Exists(path))
        {
            return false;
        }

        await using var stream = await OpenExclusiveAsync(path, cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (current.Version.ToString(CultureInfo.InvariantCulture) != expectedETag)
        {
            return false;
        }

        stream.SetLength(0);
        await JsonSerializer.SerializeAsync(stream, new ApprovalFile(request, current.Version + 1), OutputJson.Options, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    // Approval ids come from URLs, so only a safe character set may reach the file system.
    private string PathOf(string approvalId)
    {
        if (!SafeId().IsMatch(approvalId))
        {
            throw new ArgumentException($"Invalid approval id '{approvalId}'; expected 1 to 100 letters, digits, '-' or '_'.", nameof(approvalId));
        }

        return Path.Combine(_folder, approvalId + ".json");
    }

    private static async Task<ApprovalFile> ReadAsync(FileStream stream, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        return await JsonSerializer.DeserializeAsync<ApprovalFile>(stream, OutputJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Approval file {stream.Name} is empty or null.");
    }

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 4096, useAsync: true);
            }
            catch (IOException) when (attempt < MaxLockAttempts && File.Exists(path))
            {
                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SafeId();

    private sealed record ApprovalFile(ApprovalRequest Request, long Version);
}
