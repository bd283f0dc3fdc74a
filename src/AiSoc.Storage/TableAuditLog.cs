using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Audit;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An append-only <see cref="IAuditLog"/> in Azure Table Storage with the same hash chain as the file log. Every
/// record lives in one partition next to a head row that contains the last sequence and hash. An append inserts the
/// record and replaces the head (guarded by its ETag) in one entity group transaction, so concurrent writers on
/// any instance cannot fork the chain: the loser retries on the new head.
/// </summary>
/// <remarks>NOTE: one partition serves about 2,000 entities per second (Azure Table Storage scalability target),
/// which bounds the append rate of the whole log.</remarks>
public sealed class TableAuditLog(TableClient table, TimeProvider timeProvider) : IAuditLog
{
    private const string Partition = "audit";
    private const string HeadRowKey = "head";
    private const string RecordRowPrefix = "r-";
    private const int MaxAttempts = 50;

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);

        for (var attempt = 1; ; attempt++)
        {
            var head = await table.GetEntityIfExistsAsync<TableEntity>(Partition, HeadRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var (sequence, previousHash) = head.HasValue && head.Value is { } current
                ? (current.GetInt64("Sequence") ?? 0, current.GetString("Hash") ?? AuditHasher.GenesisHash)
                : (0L, AuditHasher.GenesisHash);

            var record = AuditChain.Next(entry, sequence + 1, previousHash, timeProvider.GetUtcNow());
            var newHead = new TableEntity(Partition, HeadRowKey) { ["Sequence"] = record.Sequence, ["Hash"] = record.Hash };
            TableTransactionAction headAction = head.HasValue && head.Value is { } existing
                ? new(TableTransactionActionType.UpdateReplace, newHead, existing.ETag)
                : new(TableTransactionActionType.Add, newHead);

            try
            {
                await table.SubmitTransactionAsync(
                    [headAction, new TableTransactionAction(TableTransactionActionType.Add, AuditRecordEntity.ToEntity(Partition, RecordRowPrefix, record))],
                    cancellationToken).ConfigureAwait(false);
                return record;
            }
            catch (TableTransactionFailedException error) when (attempt < MaxAttempts && (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error)))
            {
                // Another writer appended first; read the new head and chain onto it.
            }
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadInvestigationAsync(string investigationId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and InvestigationId eq {investigationId}");
        var records = new List<AuditRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(AuditRecordEntity.FromEntity(entity));
        }

        // The service returns rows in row key order, which is sequence order; sorting keeps that explicit.
        records.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return records;
    }

    /// <summary>Reads the whole chain in sequence order, for verification with <see cref="AuditHasher"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RecordRowPrefix}");
        var records = new List<AuditRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(AuditRecordEntity.FromEntity(entity));
        }

        records.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return records;
    }
}

// Maps audit records to table entities and builds the next record of the chain.
internal static class AuditRecordEntity
{
    public static TableEntity ToEntity(string partition, string rowPrefix, AuditRecord record) =>
        new(partition, rowPrefix + TableKeys.Sequence(record.Sequence))
        {
            ["Sequence"] = record.Sequence,
            // Ticks keep the full precision the hash covers; a table DateTime property stores only milliseconds.
            ["RecordedAtTicks"] = record.Timestamp.UtcTicks,
            ["InvestigationId"] = record.InvestigationId,
            ["Kind"] = record.Kind,
            ["Name"] = record.Name,
            ["Actor"] = record.Actor,
            ["Inputs"] = JsonSerializer.Serialize(record.Inputs),
            ["Outcome"] = record.Outcome,
            ["PreviousHash"] = record.PreviousHash,
            ["Hash"] = record.Hash,
        };

    public static AuditRecord FromEntity(TableEntity entity) => new()
    {
        Sequence = entity.GetInt64("Sequence") ?? throw Missing(entity, "Sequence"),
        Timestamp = new DateTimeOffset(entity.GetInt64("RecordedAtTicks") ?? throw Missing(entity, "RecordedAtTicks"), TimeSpan.Zero),
        InvestigationId = entity.GetString("InvestigationId") ?? throw Missing(entity, "InvestigationId"),
        Kind = entity.GetString("Kind") ?? throw Missing(entity, "Kind"),
        Name = entity.GetString("Name") ?? throw Missing(entity, "Name"),
        Actor = entity.GetString("Actor") ?? throw Missing(entity, "Actor"),
        Inputs = JsonSerializer.Deserialize<SortedDictionary<string, string>>(entity.GetString("Inputs") ?? "{}") ?? [],
        Outcome = entity.GetString("Outcome") ?? throw Missing(entity, "Outcome"),
        PreviousHash = entity.GetString("PreviousHash") ?? throw Missing(entity, "PreviousHash"),
        Hash = entity.GetString("Hash") ?? throw Missing(entity, "Hash"),
    };

    private static InvalidDataException Missing(TableEntity entity, string property) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Audit entity '{entity.RowKey}' in table storage is missing property '{property}'."));
}
