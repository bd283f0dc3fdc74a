using System.Globalization;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IDeadLetterStore"/> in Azure Table Storage: partition key is the source, row key the partition,
/// offset and item for Event Hubs events, else the write time and a random suffix.
/// </summary>
public sealed class TableDeadLetterStore(TableClient table) : IDeadLetterStore
{
    public async Task WriteAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        var body = deadLetter.Body.Length <= DeadLetter.MaxBodyLength ? deadLetter.Body : deadLetter.Body[..DeadLetter.MaxBodyLength];
        var entity = new TableEntity(TableKeys.Escape(deadLetter.Source), RowKeyOf(deadLetter))
        {
            ["Source"] = deadLetter.Source,
            ["PartitionId"] = deadLetter.PartitionId,
            ["Offset"] = deadLetter.Offset,
            ["SequenceNumber"] = deadLetter.SequenceNumber,
            ["Item"] = deadLetter.Item,
            ["Reason"] = deadLetter.Reason,
            ["Body"] = body,
            ["BodyTruncated"] = body.Length < deadLetter.Body.Length,
            ["RecordedAt"] = deadLetter.RecordedAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string source, CancellationToken cancellationToken = default)
    {
        var result = new List<DeadLetter>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(source)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new DeadLetter(
                entity.GetString("Source") ?? source,
                entity.GetString("PartitionId"),
                entity.GetString("Offset"),
                entity.GetInt64("SequenceNumber"),
                entity.GetInt32("Item"),
                entity.GetString("Reason") ?? string.Empty,
                entity.GetString("Body") ?? string.Empty,
                entity.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue));
        }

        return result;
    }

    private static string RowKeyOf(DeadLetter deadLetter)
    {
        var item = deadLetter.Item?.ToString(CultureInfo.InvariantCulture) ?? "all";
        return deadLetter.PartitionId is not null && deadLetter.Offset is not null
            ? TableKeys.Escape($"{deadLetter.PartitionId}-{deadLetter.Offset}-{item}")
            : TableKeys.Escape($"{TableKeys.Time(deadLetter.RecordedAt)}-{Guid.NewGuid():N}-{item}");
    }
}
