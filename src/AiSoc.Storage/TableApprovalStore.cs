using System.Text.Json;
using AiSoc.Approvals;
using AiSoc.Core.Output;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IApprovalStore"/> in Azure Table Storage with one entity per request. Replacements send the
/// entity's ETag in <c>If-Match</c>, so the service rejects every decision but the first on the same version.
/// </summary>
public sealed class TableApprovalStore(TableClient table) : IApprovalStore
{
    private const string RowKey = "request";
    private const string JsonProperty = "Json";

    public async Task<bool> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        try
        {
            await table.AddEntityAsync(ToEntity(request), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (TableErrors.IsConflict(error))
        {
            return false;
        }
    }

    public async Task<StoredApproval?> GetAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        var key = TableKeys.Require(approvalId, nameof(approvalId));
        var response = await table.GetEntityIfExistsAsync<TableEntity>(key, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var entity = response.Value;
        return new StoredApproval(FromEntity(entity), entity.ETag.ToString());
    }

    public async Task<bool> TryReplaceAsync(ApprovalRequest request, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedETag);

        try
        {
            await table.UpdateEntityAsync(ToEntity(request), new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (TableErrors.IsPreconditionFailed(error) || TableErrors.IsNotFound(error))
        {
            return false;
        }
    }

    private static TableEntity ToEntity(ApprovalRequest request) =>
        new(TableKeys.Require(request.ApprovalId, nameof(request)), RowKey)
        {
            [JsonProperty] = JsonSerializer.Serialize(request, OutputJson.Options),
            ["InvestigationId"] = request.InvestigationId,
            ["Status"] = request.Status.ToString(),
        };

    private static ApprovalRequest FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<ApprovalRequest>(entity.GetString(JsonProperty) ?? "null", OutputJson.Options)
        ?? throw new InvalidDataException($"Approval entity '{entity.PartitionKey}' in table storage has no request JSON in property '{JsonProperty}'.");
}
