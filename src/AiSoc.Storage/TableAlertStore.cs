using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Schema;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IAlertStore"/> in Azure Table Storage: partition and row key are the stable alert id. The newer
/// version by <see cref="NormalizedAlert.VersionTime"/> wins, the same rule as <c>AlertDeduplicator</c>; a write
/// that loses an ETag race reads the row again and re-decides.
/// </summary>
/// <remarks>NOTE: the alert JSON must fit one string property (32,768 UTF-16 characters); a larger alert is
/// rejected with <see cref="InvalidDataException"/> rather than stored truncated.</remarks>
public sealed class TableAlertStore(TableClient table) : IAlertStore
{
    private const string RowKey = "alert";
    private const int MaxJsonLength = 32 * 1024;
    private const int MaxAttempts = 20;

    public async Task<AlertWriteOutcome> UpsertAsync(NormalizedAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);

        var entity = ToEntity(alert);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return AlertWriteOutcome.Inserted;
                }

                var storedVersion = existing.Value.GetDateTimeOffset("VersionTime");
                if (storedVersion is { } stored && stored >= alert.VersionTime)
                {
                    return AlertWriteOutcome.Unchanged;
                }

                await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return AlertWriteOutcome.Updated;
            }
            catch (RequestFailedException error) when (attempt < MaxAttempts && (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error)))
            {
                // A concurrent delivery of the same alert wrote first; compare against what it stored.
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
            entity.GetString("Json") ?? "{}");
    }

    private static TableEntity ToEntity(NormalizedAlert alert)
    {
        var json = JsonSerializer.Serialize(alert, OutputJson.Options);
        if (json.Length > MaxJsonLength)
        {
            throw new InvalidDataException($"Alert {alert.Id} (provider id {alert.ProviderAlertId}) is too large to store: {json.Length} characters of JSON, maximum {MaxJsonLength} in one table property.");
        }

        return new TableEntity(TableKeys.Require(alert.Id, nameof(alert)), RowKey)
        {
            ["ProviderAlertId"] = alert.ProviderAlertId,
            ["Source"] = alert.Source,
            ["VersionTime"] = alert.VersionTime,
            ["CreatedAt"] = alert.CreatedAt,
            ["Json"] = json,
        };
    }
}
