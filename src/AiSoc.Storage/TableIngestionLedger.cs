using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IIngestionLedger"/> in Azure Table Storage: partition key is the escaped source, row key the
/// partition id, so pipeline health reads one source with one partition query. Updates use ETag checks, because
/// two instances may briefly own the same partition during a rebalance.
/// </summary>
public sealed class TableIngestionLedger(TableClient table) : IIngestionLedger
{
    private const int MaxAttempts = 20;

    public async Task<PartitionLedgerEntry> RecordAsync(PartitionBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);

        var partitionKey = TableKeys.Escape(batch.Source);
        var rowKey = TableKeys.Require(TableKeys.Escape(batch.PartitionId), nameof(batch));
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is not { } stored)
                {
                    var started = PartitionLedgerEntry.Start(batch);
                    await table.AddEntityAsync(ToEntity(partitionKey, rowKey, started), cancellationToken).ConfigureAwait(false);
                    return started;
                }

                var updated = FromEntity(stored).Apply(batch);
                await table.UpdateEntityAsync(ToEntity(partitionKey, rowKey, updated), stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return updated;
            }
            catch (RequestFailedException error) when (attempt < MaxAttempts && (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error)))
            {
                // Another instance counted a batch of this partition first; count on top of its result.
            }
        }
    }

    public async Task<IReadOnlyList<PartitionLedgerEntry>> ListAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);

        var entries = new List<PartitionLedgerEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(source)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(entity));
        }

        return entries;
    }

    private static TableEntity ToEntity(string partitionKey, string rowKey, PartitionLedgerEntry entry) => new(partitionKey, rowKey)
    {
        ["Source"] = entry.Source,
        ["PartitionId"] = entry.PartitionId,
        ["FirstSequence"] = entry.FirstSequence,
        ["LastSequence"] = entry.LastSequence,
        ["EventsRead"] = entry.EventsRead,
        ["EventsRedelivered"] = entry.EventsRedelivered,
        ["EventsMissed"] = entry.EventsMissed,
        ["AlertsStored"] = entry.AlertsStored,
        ["DeadLettered"] = entry.DeadLettered,
        ["NewestEnqueuedAt"] = entry.NewestEnqueuedAt,
        ["LastIngestedAt"] = entry.LastIngestedAt,
        ["LastLagSeconds"] = entry.LastLagSeconds,
    };

    private static PartitionLedgerEntry FromEntity(TableEntity entity) => new()
    {
        Source = entity.GetString("Source") ?? entity.PartitionKey,
        PartitionId = entity.GetString("PartitionId") ?? entity.RowKey,
        FirstSequence = entity.GetInt64("FirstSequence") ?? 0,
        LastSequence = entity.GetInt64("LastSequence") ?? 0,
        EventsRead = entity.GetInt64("EventsRead") ?? 0,
        EventsRedelivered = entity.GetInt64("EventsRedelivered") ?? 0,
        EventsMissed = entity.GetInt64("EventsMissed") ?? 0,
        AlertsStored = entity.GetInt64("AlertsStored") ?? 0,
        DeadLettered = entity.GetInt64("DeadLettered") ?? 0,
        NewestEnqueuedAt = entity.GetDateTimeOffset("NewestEnqueuedAt"),
        LastIngestedAt = entity.GetDateTimeOffset("LastIngestedAt") ?? DateTimeOffset.MinValue,
        LastLagSeconds = entity.GetDouble("LastLagSeconds"),
    };
}
