namespace AiSoc.Storage;

/// <summary>Poison events that ingestion rejected, kept with their reason and position for replay.</summary>
public interface IDeadLetterStore
{
    /// <summary>
    /// Writes <paramref name="deadLetter"/>. Writing the same source, partition, offset and item again replaces
    /// the row, so a redelivered batch does not duplicate dead letters.
    /// </summary>
    Task WriteAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default);

    /// <summary>Returns the dead letters of one source in key order.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string source, CancellationToken cancellationToken = default);
}
