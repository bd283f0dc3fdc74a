using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>
/// An <see cref="INotifier"/> that appends each notice as one JSON line to a file and, for an approval request,
/// writes its Adaptive Card to <c>cards/{approvalId}.json</c> next to that file.
/// </summary>
public sealed class FileNotifier : INotifier, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path;

    public FileNotifier(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public async Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);

        if (notice.AdaptiveCard is not null)
        {
            var cards = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_path))!, "cards");
            Directory.CreateDirectory(cards);
            await File.WriteAllTextAsync(Path.Combine(cards, notice.ApprovalId + ".json"), notice.AdaptiveCard, cancellationToken).ConfigureAwait(false);
        }

        var line = JsonSerializer.Serialize(notice with { AdaptiveCard = null }, OutputJson.Options) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(_path, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
