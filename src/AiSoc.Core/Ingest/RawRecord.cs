using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// One record's bytes as read from a file, or the reason the reader could not produce it (invalid JSON, a broken
/// CSV row). <see cref="Bytes"/> points into a buffer shared by the records of one <see cref="RecordBatch"/>.
/// </summary>
public readonly record struct RawRecord(RawRecordRef Ref, ReadOnlyMemory<byte> Bytes, string? ReadError = null);

/// <summary>
/// Records read together and handed to one worker, so workers do not contend per record. When the records point
/// into a pooled buffer, the worker calls <see cref="Release"/> once it is done with them, so that large inputs
/// reuse a few buffers instead of leaving one large-object-heap array per batch for the garbage collector.
/// </summary>
public sealed class RecordBatch(IReadOnlyList<RawRecord> records, long byteCount, byte[]? pooledBuffer = null)
{
    private byte[]? _pooledBuffer = pooledBuffer;

    public IReadOnlyList<RawRecord> Records { get; } = records;

    /// <summary>Bytes of input the batch covers, for progress reporting.</summary>
    public long ByteCount { get; } = byteCount;

    /// <summary>Returns the batch's buffer to <see cref="BatchBuffers"/>; the records must not be read afterwards.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _pooledBuffer, null) is { } buffer)
        {
            BatchBuffers.Return(buffer);
        }
    }
}
