namespace AiSoc.Storage;

/// <summary>
/// Counts what each stream partition delivered against the positions the source assigned, so missed and
/// redelivered events show up in pipeline health instead of passing unnoticed.
/// </summary>
public interface IIngestionLedger
{
    /// <summary>Adds one ingested batch of one partition and returns the partition's updated entry.</summary>
    Task<PartitionLedgerEntry> RecordAsync(PartitionBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Returns the entries of every partition of <paramref name="source"/>.</summary>
    Task<IReadOnlyList<PartitionLedgerEntry>> ListAsync(string source, CancellationToken cancellationToken = default);
}
