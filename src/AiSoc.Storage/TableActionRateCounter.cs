using AiSoc.Core.Response;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IActionRateCounter"/> in Azure Table Storage: partition key is the action kind, row key the UTC
/// window start. Creation uses insert (fails when the row exists) and increments use <c>If-Match</c>, so every
/// investigation on every instance shares one counter without lost updates.
/// </summary>
public sealed class TableActionRateCounter(TableClient table) : IActionRateCounter
{
    private const string CountProperty = "Count";

    public async Task<RateCounterValue> GetAsync(string kind, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Require(kind, nameof(kind)), TableKeys.Time(windowStart), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? new RateCounterValue(entity.GetInt32(CountProperty) ?? 0, entity.ETag.ToString())
            : new RateCounterValue(0, null);
    }

    public async Task<RateIncrementResult> TryIncrementAsync(string kind, DateTimeOffset windowStart, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(kind, windowStart, cancellationToken).ConfigureAwait(false);
        if (current.ETag != expectedETag)
        {
            return new RateIncrementResult(false, current);
        }

        var entity = new TableEntity(kind, TableKeys.Time(windowStart)) { [CountProperty] = current.Count + 1 };
        try
        {
            var response = expectedETag is null
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new RateIncrementResult(true, new RateCounterValue(current.Count + 1, response.Headers.ETag?.ToString()));
        }
        catch (RequestFailedException error) when (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error) || TableErrors.IsNotFound(error))
        {
            // Another writer got there first; the caller re-checks its limit against the value it now sees.
            return new RateIncrementResult(false, await GetAsync(kind, windowStart, cancellationToken).ConfigureAwait(false));
        }
    }
}
