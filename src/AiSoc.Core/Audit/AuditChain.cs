namespace AiSoc.Core.Audit;

/// <summary>Builds the next record of a hash chain from an entry; shared by every <see cref="IAuditLog"/> implementation.</summary>
public static class AuditChain
{
    /// <summary>Returns the record that follows <paramref name="previousHash"/> at <paramref name="sequence"/>, with its hash.</summary>
    public static AuditRecord Next(AuditEntry entry, long sequence, string previousHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);

        var unsigned = new AuditRecord
        {
            Sequence = sequence,
            Timestamp = now.ToUniversalTime(),
            InvestigationId = entry.InvestigationId,
            Kind = entry.Kind,
            Name = entry.Name,
            Actor = entry.Actor,
            Inputs = new SortedDictionary<string, string>(entry.Inputs.ToDictionary(), StringComparer.Ordinal),
            Outcome = entry.Outcome,
            PreviousHash = previousHash,
            Hash = string.Empty,
        };
        return unsigned with { Hash = AuditHasher.Compute(unsigned) };
    }
}
