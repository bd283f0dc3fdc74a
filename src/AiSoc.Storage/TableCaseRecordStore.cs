using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="ICaseRecordStore"/> in Azure Table Storage with two rows per case. The case row (partition
/// <c>case-{investigationId}</c>, row <c>case</c>) contains the record and the Markdown report for point reads. The
/// index row (partition <c>completed-{yyyyMMdd}</c> of the UTC completion day, row
/// <c>{yyyyMMddTHHmmssZ}-{investigationId}</c>) contains the record again, so listing a period queries one
/// partition per day instead of scanning the table. JSON and report text are split over chunk properties.
/// </summary>
/// <remarks>
/// A rewrite replaces both rows under the case row's ETag and deletes the old index row when the completion time
/// moved. NOTE: the two rows are in different partitions, so no transaction covers them: a process that stops
/// between the writes can leave an index row of the earlier version, which listing then returns as well.
/// </remarks>
public sealed class TableCaseRecordStore(TableClient table) : ICaseRecordStore
{
    /// <summary>Maximum period <see cref="ListCompletedAsync"/> reads, in days. Each day costs one partition query.</summary>
    public const int MaxListDays = 732;

    private const string CasePartitionPrefix = "case-";
    private const string CaseRowKey = "case";
    private const string IndexPartitionPrefix = "completed-";
    private const string RecordProperty = "Record";
    private const string ReportProperty = "Report";
    private const string IndexPartitionProperty = "IndexPartition";
    private const string IndexRowProperty = "IndexRow";
    private const int MaxAttempts = 20;

    /// <exception cref="InvalidDataException">The record and report do not fit one entity; the message names the investigation.</exception>
    public async Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(markdownReport);

        var casePartition = CasePartitionOf(record.InvestigationId);
        var recordJson = JsonSerializer.Serialize(record, OutputJson.Options);
        var index = ToIndexEntity(record, recordJson);
        var caseEntity = ToCaseEntity(casePartition, record, recordJson, markdownReport, index);

        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(casePartition, CaseRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            await table.UpsertEntityAsync(index, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing.HasValue && existing.Value is { } current)
                {
                    await table.UpdateEntityAsync(caseEntity, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    await DeleteStaleIndexAsync(current, index, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(caseEntity, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException error) when (attempt < MaxAttempts && (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error)))
            {
                // Another write of the same investigation replaced the case row first. Reading it again makes its
                // index row the one that is removed.
            }
        }
    }

    /// <exception cref="InvalidDataException">The stored case is invalid; the message names the entity.</exception>
    public async Task<StoredCase?> GetAsync(string investigationId, CancellationToken cancellationToken = default)
    {
        var partition = CasePartitionOf(investigationId);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var where = $"Case entity '{partition}' in table storage";
        var report = ChunkedText.Read(entity, ReportProperty) ?? throw new InvalidDataException($"{where} has no report in properties '{ReportProperty}00' onward.");
        return new StoredCase(ReadRecord(entity, where), report);
    }

    /// <exception cref="ArgumentOutOfRangeException">The period is longer than <see cref="MaxListDays"/> days.</exception>
    public async IAsyncEnumerable<CaseRecord> ListCompletedAsync(
        DateTimeOffset completedFrom,
        DateTimeOffset completedBefore,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (completedBefore <= completedFrom)
        {
            yield break;
        }

        var firstDay = DateOnly.FromDateTime(completedFrom.UtcDateTime);
        var lastDay = DateOnly.FromDateTime(completedBefore.AddTicks(-1).UtcDateTime);
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        if (days > MaxListDays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(completedBefore),
                string.Create(CultureInfo.InvariantCulture, $"Case listing from {completedFrom:O} to {completedBefore:O} covers {days} days; the maximum is {MaxListDays}. List shorter periods."));
        }

        // Row keys start with the completion time in whole seconds, so this range contains every row of the period.
        // The exact bounds are checked on each record.
        var lowestRow = TableKeys.Time(completedFrom);
        var rowAfterLast = TableKeys.Time(completedBefore < DateTimeOffset.MaxValue.AddSeconds(-1) ? completedBefore.AddSeconds(1) : DateTimeOffset.MaxValue);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var partition = IndexPartitionOf(day);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lowestRow} and RowKey lt {rowAfterLast}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var record = ReadRecord(entity, $"Case index entity '{entity.PartitionKey}'/'{entity.RowKey}' in table storage");
                if (record.CompletedAt >= completedFrom && record.CompletedAt < completedBefore)
                {
                    yield return record;
                }
            }
        }
    }

    private async Task DeleteStaleIndexAsync(TableEntity previousCase, TableEntity index, CancellationToken cancellationToken)
    {
        var partition = previousCase.GetString(IndexPartitionProperty);
        var row = previousCase.GetString(IndexRowProperty);
        if (partition is null || row is null || (partition == index.PartitionKey && row == index.RowKey))
        {
            return;
        }

        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (TableErrors.IsNotFound(error))
        {
            // A concurrent rewrite removed it first.
        }
    }

    private static TableEntity ToCaseEntity(string partition, CaseRecord record, string recordJson, string markdownReport, TableEntity index)
    {
        var entity = new TableEntity(partition, CaseRowKey)
        {
            ["InvestigationId"] = record.InvestigationId,
            ["IncidentId"] = record.IncidentId,
            ["CompletedAt"] = record.CompletedAt,
            [IndexPartitionProperty] = index.PartitionKey,
            [IndexRowProperty] = index.RowKey,
        };
        ChunkedText.Write(entity, RecordProperty, recordJson);
        ChunkedText.Write(entity, ReportProperty, markdownReport);
        EntitySize.EnsureFits(entity, $"Case record of investigation {record.InvestigationId} ({recordJson.Length} characters of JSON, {markdownReport.Length} characters of report)");
        return entity;
    }

    private static TableEntity ToIndexEntity(CaseRecord record, string recordJson)
    {
        var partition = IndexPartitionOf(DateOnly.FromDateTime(record.CompletedAt.UtcDateTime));
        var row = TableKeys.Require($"{TableKeys.Time(record.CompletedAt)}-{record.InvestigationId}", nameof(record));
        var entity = new TableEntity(partition, row)
        {
            ["InvestigationId"] = record.InvestigationId,
            ["CompletedAt"] = record.CompletedAt,
        };
        ChunkedText.Write(entity, RecordProperty, recordJson);
        EntitySize.EnsureFits(entity, $"Case record of investigation {record.InvestigationId} ({recordJson.Length} characters of JSON)");
        return entity;
    }

    private static CaseRecord ReadRecord(TableEntity entity, string where)
    {
        var json = ChunkedText.Read(entity, RecordProperty) ?? throw new InvalidDataException($"{where} has no case record in properties '{RecordProperty}00' onward.");
        return StoredJson.Deserialize<CaseRecord>(json, where);
    }

    private static string CasePartitionOf(string investigationId) =>
        TableKeys.Require(CasePartitionPrefix + TableKeys.Require(investigationId, nameof(investigationId)), nameof(investigationId));

    private static string IndexPartitionOf(DateOnly day) =>
        IndexPartitionPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
