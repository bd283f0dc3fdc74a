namespace AiSoc.Investigations.Ports;

/// <summary>
/// A case record sink that can also be read back: the status routes read one case by investigation id, and the
/// scheduled tuning run lists the cases completed in its period.
/// </summary>
public interface ICaseRecordStore : ICaseRecordSink
{
    /// <summary>Returns the case record and report of an investigation, or null when none is written.</summary>
    Task<StoredCase?> GetAsync(string investigationId, CancellationToken cancellationToken = default);

    /// <summary>Lists the case records whose <see cref="CaseRecord.CompletedAt"/> is in [<paramref name="completedFrom"/>, <paramref name="completedBefore"/>).</summary>
    IAsyncEnumerable<CaseRecord> ListCompletedAsync(DateTimeOffset completedFrom, DateTimeOffset completedBefore, CancellationToken cancellationToken = default);
}

/// <summary>A written case: the record and its Markdown case report.</summary>
public sealed record StoredCase(CaseRecord Record, string MarkdownReport);
