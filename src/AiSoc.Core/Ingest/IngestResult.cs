using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>Everything the ingest stage produced. <see cref="RecordsRead"/> always equals normalized plus rejected.</summary>
public sealed class IngestResult
{
    /// <summary>Distinct alerts after deduplication, in creation time order.</summary>
    public required IReadOnlyList<NormalizedAlert> Alerts { get; init; }

    /// <summary>Distinct provider incidents after deduplication.</summary>
    public required IReadOnlyList<ProviderIncident> ProviderIncidents { get; init; }

    /// <summary>Rejected records in file and record order.</summary>
    public required IReadOnlyList<RejectedRecord> Rejects { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Files in the input folders that were not read because of their extension.</summary>
    public required IReadOnlyList<string> SkippedFiles { get; init; }

    public long RecordsRead => RecordsNormalized + Rejects.Count;

    public required long RecordsNormalized { get; init; }

    /// <summary>Alert versions that were folded into a newer version of the same provider alert.</summary>
    public required long DuplicatesMerged { get; init; }

    /// <summary>Normalized records per format name.</summary>
    public required IReadOnlyDictionary<string, long> RecordsByFormat { get; init; }
}
