using AiSoc.Core.Ingest;
using AiSoc.Core.Triage;
using AiSoc.Investigations.Ports;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Triages one incident or alert record from the webhook with the same <see cref="TriageRunner"/> that
/// <c>aisoc triage</c> and <c>aisoc investigate</c> use: normalize, deduplicate, correlate, score and summarize.
/// </summary>
/// <remarks>
/// NOTE: <see cref="TriageRunner"/> reads only files, and the summary step behind it is internal to AiSoc.Core, so
/// the record is written to a temporary file that is deleted after the run. The stored alerts name that file as
/// their raw source. A public in-memory entry point on <see cref="TriageRunner"/> would remove the file.
/// </remarks>
public sealed class WebhookTriage(TriageRunner runner)
{
    /// <summary>
    /// Triages <paramref name="record"/> and returns the summary that <paramref name="isTarget"/> selects, stored
    /// under <paramref name="incidentId"/>, with <paramref name="notes"/> added before the scorer's reasons.
    /// </summary>
    /// <param name="record">One JSON record, such as a Sentinel incident resource or a <c>SecurityAlert</c> row.</param>
    /// <param name="fileName">File name for the record, shown as the raw source of the stored alerts.</param>
    /// <param name="incidentId">Id of the stored incident: the id that <c>InvestigationInput.IncidentId</c> carries.</param>
    /// <param name="isTarget">Selects the summary of the incident or alert the webhook was called for.</param>
    /// <param name="notes">Evidence lines about where the record came from.</param>
    /// <exception cref="InvalidRecordException">The record was rejected, or no summary matched; the message gives the reason.</exception>
    public async Task<StoredIncident> TriageAsync(
        ReadOnlyMemory<byte> record,
        string fileName,
        string incidentId,
        Func<IncidentSummary, bool> isTarget,
        IReadOnlyList<string> notes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        ArgumentNullException.ThrowIfNull(notes);

        var folder = Directory.CreateTempSubdirectory("aisoc-webhook-");
        TriageResult result;
        try
        {
            var path = Path.Combine(folder.FullName, fileName);
            await File.WriteAllBytesAsync(path, record, cancellationToken).ConfigureAwait(false);
            result = runner.Run(new InputCatalog([path], []), cancellationToken: cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        if (result.Ingest.Rejects.Count > 0)
        {
            var reject = result.Ingest.Rejects[0];
            var format = reject.Format is null ? string.Empty : $" as {reject.Format}";
            throw new InvalidRecordException($"The record could not be read{format}: {reject.Reason}");
        }

        var summary = result.Incidents.FirstOrDefault(isTarget)
            ?? throw new InvalidRecordException($"Triage produced {result.Incidents.Count} incidents and none of them is the requested one.");

        var alertsById = result.Ingest.Alerts.ToDictionary(alert => alert.Id, StringComparer.Ordinal);
        var alerts = summary.AlertIds.Select(id => alertsById[id]).ToList();
        foreach (var alert in alerts)
        {
            alert.IncidentId = incidentId;
        }

        return new StoredIncident(StoredSummary.WithId(summary, incidentId, notes), alerts);
    }
}
