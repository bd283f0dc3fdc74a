using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>An <see cref="IWatermarkStore"/> in Azure Table Storage with one row per source, moved forward under ETag checks.</summary>
public sealed class TableWatermarkStore(TableClient table) : IWatermarkStore
{
    private const string Partition = "watermark";
    private const string ValueProperty = "LastUpdateDateTime";
    private const int MaxAttempts = 20;

    public async Task<DateTimeOffset?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Require(source, nameof(source)), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? entity.GetDateTimeOffset(ValueProperty) : null;
    }

    public async Task SetAsync(string source, DateTimeOffset watermark, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, TableKeys.Require(source, nameof(source))) { [ValueProperty] = watermark.ToUniversalTime() };
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, source, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (existing.Value.GetDateTimeOffset(ValueProperty) is { } stored && stored >= watermark)
                {
                    return;
                }

                await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException error) when (attempt < MaxAttempts && (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error)))
            {
                // Another poller instance wrote first; compare against its value.
            }
        }
    }
}
