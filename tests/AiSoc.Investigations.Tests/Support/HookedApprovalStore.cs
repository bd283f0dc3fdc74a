using AiSoc.Approvals;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>An approval store that runs a callback right after a request is created, before the orchestration reads it.</summary>
internal sealed class HookedApprovalStore(IApprovalStore inner) : IApprovalStore
{
    public Func<ApprovalRequest, Task>? AfterCreate { get; set; }

    public async Task<bool> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        var created = await inner.CreateAsync(request, cancellationToken);
        if (created && AfterCreate is { } callback)
        {
            await callback(request);
        }

        return created;
    }

    public Task<StoredApproval?> GetAsync(string approvalId, CancellationToken cancellationToken = default) => inner.GetAsync(approvalId, cancellationToken);

    public Task<bool> TryReplaceAsync(ApprovalRequest request, string expectedETag, CancellationToken cancellationToken = default) =>
        inner.TryReplaceAsync(request, expectedETag, cancellationToken);
}
