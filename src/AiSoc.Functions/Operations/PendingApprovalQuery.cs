using System.Text.Json;
using AiSoc.Approvals;
using AiSoc.Core.Output;
using Azure.Data.Tables;

namespace AiSoc.Functions.Operations;

/// <summary>
/// Reads the pending requests of the approvals table that <see cref="AiSoc.Storage.TableApprovalStore"/> writes
/// (its <c>Status</c> and <c>Json</c> properties), because <see cref="IApprovalStore"/> has no listing.
/// </summary>
public sealed class PendingApprovalQuery(TableClient approvals)
{
    /// <summary>Returns the creation times of pending requests that have not expired at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> ListWaitingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = new List<DateTimeOffset>();
        var filter = TableClient.CreateQueryFilter($"Status eq {ApprovalStatus.Pending.ToString()}");
        await foreach (var entity in approvals.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var request = JsonSerializer.Deserialize<ApprovalRequest>(entity.GetString("Json") ?? "null", OutputJson.Options);
            if (request is not null && request.ExpiresAt > now)
            {
                created.Add(request.CreatedAt);
            }
        }

        return created;
    }
}
