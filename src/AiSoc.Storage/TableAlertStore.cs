using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Output;
using AiSoc.Core.Schema;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IAlertStore"/> in Azure Table Storage: partition key is the stable alert id, and the alert is
/// JSON (<see cref="OutputJson.Options"/>) split over <c>Json00</c>, <c>Json01</c>, … A new version is folded into
/// the stored one with <see cref="AlertDeduplicator.Merge"/>, the rule that joins versions within one batch, so a
/// Defender XDR <c>AlertEvidence</c> row that arrives in a later Event Hubs batch than its <c>AlertInfo</c> row (or
/// before it) still adds its entities to the full alert. The merged alert is written under the read ETag; a write
/// that loses the race reads the row again and merges again.
/// </summary>
/// <remarks>The merged alert must fit one entity (about 960 KiB with the margin). A larger one is rejected with
/// <see cref="InvalidDataException"/> rather than stored truncated.</remarks>
public sealed class TableAlertStore(TableClient table) : IAlertStore
{
    private const string RowKey = "alert";
    private const string JsonProperty = "Json";
    private const string EvidenceOnlyProperty = "IsEvidenceOnly";
    private const int MaxAttempts = 20;

    /// <exception cref="InvalidDataException">The alert, or the alert merged with the stored version, does not fit one entity.</exception>
    public async Task<AlertWriteOutcome> UpsertAsync(NormalizedAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);

        var partition = TableKeys.Require(alert.Id, nameof(alert));
        var incomingJson = JsonSerializer.Serialize(alert, OutputJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is not { } stored)
                {
                    await table.AddEntityAsync(ToEntity(alert, incomingJson), cancellationToken).ConfigureAwait(false);
                    return AlertWriteOutcome.Inserted;
                }

                // Both sides are fresh copies, because the merge modifies the winner in place and the caller's
                // alert must stay as it was.
                var storedJson = ReadJson(stored);
                var storedAlert = ReadAlert(stored, storedJson);
                var merged = AlertDeduplicator.Merge(storedAlert, Copy(alert, incomingJson));
                var mergedJson = JsonSerializer.Serialize(merged, OutputJson.Options);
                if (mergedJson == storedJson && merged.IsEvidenceOnly == storedAlert.IsEvidenceOnly)
                {
                    return AlertWriteOutcome.Unchanged;
                }

                await table.UpdateEntityAsync(ToEntity(merged, mergedJson), stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return AlertWriteOutcome.Updated;
            }
            catch (RequestFailedException error) when (attempt < MaxAttempts && (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error)))
            {
                // A concurrent delivery of the same alert wrote first, so the next attempt merges with what it stored.
            }
        }
    }

    public async Task<StoredAlert?> GetAsync(string alertId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Require(alertId, nameof(alertId)), RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        return new StoredAlert(
            entity.PartitionKey,
            entity.GetString("ProviderAlertId") ?? string.Empty,
            entity.GetDateTimeOffset("VersionTime") ?? DateTimeOffset.MinValue,
            ReadJson(entity));
    }

    /// <summary>Returns the stored alert as a <see cref="NormalizedAlert"/>, or null when the id is unknown.</summary>
    /// <exception cref="InvalidDataException">The stored JSON is not a valid alert; the message names the entity.</exception>
    public async Task<NormalizedAlert?> GetAlertAsync(string alertId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Require(alertId, nameof(alertId)), RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? ReadAlert(entity, ReadJson(entity)) : null;
    }

    private static TableEntity ToEntity(NormalizedAlert alert, string json)
    {
        var entity = new TableEntity(TableKeys.Require(alert.Id, nameof(alert)), RowKey)
        {
            ["ProviderAlertId"] = alert.ProviderAlertId,
            ["Source"] = alert.Source,
            ["VersionTime"] = alert.VersionTime,
            ["CreatedAt"] = alert.CreatedAt,
            // The JSON leaves this flag out, but the next merge needs it: an evidence-only row never replaces a full alert.
            [EvidenceOnlyProperty] = alert.IsEvidenceOnly,
        };
        ChunkedText.Write(entity, JsonProperty, json);
        EntitySize.EnsureFits(entity, $"Alert {alert.Id} (provider id {alert.ProviderAlertId}, {alert.Entities.Count} entities, {json.Length} characters of JSON)");
        return entity;
    }

    // Rows written before the JSON was split keep it in one "Json" property.
    private static string ReadJson(TableEntity entity) =>
        ChunkedText.Read(entity, JsonProperty) ?? entity.GetString(JsonProperty) ?? "{}";

    private static NormalizedAlert ReadAlert(TableEntity entity, string json)
    {
        var alert = StoredJson.Deserialize<NormalizedAlert>(json, $"Alert entity '{entity.PartitionKey}' in table storage");
        alert.IsEvidenceOnly = entity.GetBoolean(EvidenceOnlyProperty) ?? false;
        return alert;
    }

    private static NormalizedAlert Copy(NormalizedAlert alert, string json)
    {
        var copy = StoredJson.Deserialize<NormalizedAlert>(json, $"Alert {alert.Id}");
        copy.IsEvidenceOnly = alert.IsEvidenceOnly;
        return copy;
    }
}
