namespace AiSoc.Core.Audit;

/// <summary>Append-only audit trail of every step, decision and action.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/> with the current UTC time and returns the stored record.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Returns the records of one investigation in log order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadInvestigationAsync(string investigationId, CancellationToken cancellationToken = default);
}
