using System.Globalization;

namespace AiSoc.Approvals;

/// <summary>An <see cref="IApprovalStore"/> for one process, such as tests or a single-instance host.</summary>
public sealed class InMemoryApprovalStore : IApprovalStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ApprovalRequest Request, long Version)> _requests = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            return Task.FromResult(_requests.TryAdd(request.ApprovalId, (request, 1)));
        }
    }

    public Task<StoredApproval?> GetAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = _requests.TryGetValue(approvalId, out var entry)
                ? new StoredApproval(entry.Request, entry.Version.ToString(CultureInfo.InvariantCulture))
                : null;
            return Task.FromResult(stored);
        }
    }

    public Task<bool> TryReplaceAsync(ApprovalRequest request, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (!_requests.TryGetValue(request.ApprovalId, out var entry)
                || entry.Version.ToString(CultureInfo.InvariantCulture) != expectedETag)
            {
                return Task.FromResult(false);
            }

            _requests[request.ApprovalId] = (request, entry.Version + 1);
            return Task.FromResult(true);
        }
    }
}
