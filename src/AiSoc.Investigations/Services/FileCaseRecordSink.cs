using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>
/// An <see cref="ICaseRecordSink"/> that writes <c>case-{incidentId}.md</c> and appends one line per case to
/// <c>cases.ndjson</c> in a folder. Appends through one instance are serialized.
/// </summary>
public sealed class FileCaseRecordSink : ICaseRecordSink, IDisposable
{
    /// <summary>Name of the case record file.</summary>
    public const string CasesFileName = "cases.ndjson";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder;

    public FileCaseRecordSink(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public async Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);

        // Incident ids come from triage as "in-" and a hash; anything else is replaced so it cannot leave the folder.
        var safeId = string.Concat(record.IncidentId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        await File.WriteAllTextAsync(Path.Combine(_folder, $"case-{safeId}.md"), markdownReport, cancellationToken).ConfigureAwait(false);

        var line = JsonSerializer.Serialize(record, OutputJson.Options) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(Path.Combine(_folder, CasesFileName), line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
