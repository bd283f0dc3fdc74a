using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// One record's bytes as read from a file, or the reason the reader could not produce it (invalid JSON, a broken
/// CSV row). <see cref="Bytes"/> points into a buffer shared by the records of one <see cref="RecordBatch"/>.
/// </summary>
public readonly record struct RawRecord(RawRecordRef Ref, ReadOnlyMemory<byte> Bytes, string? ReadError = null);

/// <summary>Records read together and handed to one worker, so workers do not contend per record.</summary>
public sealed class RecordBatch(IReadOnlyList<RawRecord> records, long byteCount)
{
    public IReadOnlyList<RawRecord> Records { get; } = records;

    /// <summary>Bytes of input the batch covers, for progress reporting.</summary>
    public long ByteCount { get; } = byteCount;
}
