namespace AiSoc.Core.Audit;

/// <summary>An <see cref="IAuditLog"/> kept in memory, with the same hash chain as the file log; for tests and demos.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditRecord> _records = [];
    private readonly TimeProvider _timeProvider;

    public InMemoryAuditLog(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>All records in log order.</summary>
    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var previousHash = _records.Count == 0 ? AuditHasher.GenesisHash : _records[^1].Hash;
            var record = AuditChain.Next(entry, _records.Count + 1, previousHash, _timeProvider.GetUtcNow());
            _records.Add(record);
            return Task.FromResult(record);
        }
    }

    public Task<IReadOnlyList<AuditRecord>> ReadInvestigationAsync(string investigationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditRecord> result = [.. _records.Where(record => record.InvestigationId == investigationId)];
            return Task.FromResult(result);
        }
    }
}
