namespace AiSoc.Core.Audit;

// Builds the next record of a chain from an entry; shared by the file and in-memory logs.
internal static class AuditChain
{
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
