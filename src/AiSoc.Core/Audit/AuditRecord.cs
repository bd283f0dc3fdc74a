namespace AiSoc.Core.Audit;

/// <summary>
/// One line of the audit log: an <see cref="AuditEntry"/> with its position, UTC time and the hash chain. The
/// hash covers every other field, including the previous record's hash, so editing, deleting or reordering a
/// line breaks the chain after it.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>Position in the log, starting at 1.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string InvestigationId { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string Actor { get; init; }

    public required IReadOnlyDictionary<string, string> Inputs { get; init; }

    public required string Outcome { get; init; }

    /// <summary>Hash of the previous record; 64 zeros for the first record.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Lower-case hexadecimal SHA-256 of this record's canonical JSON without this field.</summary>
    public required string Hash { get; init; }
}
