using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Investigations.Ports;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IInvestigationStore"/> in Azure Table Storage: partition key is the triage key, row key the
/// incident id, and the incident with its alerts is JSON (<see cref="OutputJson.Options"/>) split over
/// <c>Json00</c>, <c>Json01</c>, … Saving again replaces the entity.
/// </summary>
public sealed class TableInvestigationStore(TableClient table) : IInvestigationStore
{
    private const string JsonProperty = "Json";

    /// <exception cref="InvalidDataException">The incident JSON does not fit one entity; the message names the incident and its size.</exception>
    public async Task SaveAsync(string triageKey, StoredIncident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);

        var entity = new TableEntity(TableKeys.Require(triageKey, nameof(triageKey)), TableKeys.Require(incident.Incident.Id, nameof(incident)))
        {
            ["AlertCount"] = incident.Alerts.Count,
        };
        var json = JsonSerializer.Serialize(incident, OutputJson.Options);
        ChunkedText.Write(entity, JsonProperty, json);
        EntitySize.EnsureFits(entity, $"Incident {incident.Incident.Id} of triage key {triageKey} ({incident.Alerts.Count} alerts, {json.Length} characters of JSON)");

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="InvalidDataException">The stored entity is not a valid incident; the message names the keys.</exception>
    public async Task<StoredIncident?> GetAsync(string triageKey, string incidentId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Require(triageKey, nameof(triageKey)), TableKeys.Require(incidentId, nameof(incidentId)), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var where = $"Incident entity '{triageKey}'/'{incidentId}' in table storage";
        var json = ChunkedText.Read(entity, JsonProperty) ?? throw new InvalidDataException($"{where} has no incident JSON in properties '{JsonProperty}00' onward.");
        return StoredJson.Deserialize<StoredIncident>(json, where);
    }
}
