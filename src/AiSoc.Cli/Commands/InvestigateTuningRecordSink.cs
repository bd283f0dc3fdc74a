using System.Text;
using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Passes each case to the next sink, then appends its <c>aisoc.case/1</c> records to <c>case-records.ndjson</c>,
/// loading the incident's alerts from the investigation store. Appends are serialized.
/// </summary>
internal sealed class InvestigateTuningRecordSink(ICaseRecordSink next, IInvestigationStore incidents, string triageKey, string path) : ICaseRecordSink, IDisposable
{
    /// <summary>File name of the case records in the output folder.</summary>
    public const string FileName = "case-records.ndjson";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await next.WriteAsync(record, markdownReport, cancellationToken).ConfigureAwait(false);

        var incident = await incidents.GetAsync(triageKey, record.IncidentId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Incident {record.IncidentId} was not found under triage key {triageKey}.");
        var lines = new StringBuilder();
        foreach (var line in InvestigateTuningRecords.Build(record, incident))
        {
            lines.Append(JsonSerializer.Serialize(line, OutputJson.Options)).Append('\n');
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, lines.ToString(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
