using Azure.Data.Tables;

namespace AiSoc.Functions.Operations;

/// <summary>Checks that table storage is reachable by reading at most one row of a state table the app always creates.</summary>
public sealed class StorageProbe(TableClient table)
{
    /// <summary>Reads one row; throws the storage client's exception when storage is not reachable.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            break;
        }
    }
}
