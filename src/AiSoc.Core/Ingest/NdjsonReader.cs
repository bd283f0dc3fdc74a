using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Streams an NDJSON file as batches of lines. Memory stays bounded by the batch size whatever the file size;
/// a line longer than the buffer grows it. Blank lines are not records.
/// </summary>
public static class NdjsonReader
{
    /// <summary>Reads <paramref name="path"/>, reporting it as <paramref name="displayPath"/> in record references.</summary>
    public static IEnumerable<RecordBatch> Read(string path, string displayPath, int batchBytes = 4 * 1024 * 1024)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = BatchBuffers.Rent(batchBytes);
        var filled = 0;
        long line = 1;
        long record = 0;
        var bomLength = -1;

        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
            filled += read;
            var isLast = filled < buffer.Length;

            if (bomLength < 0)
            {
                bomLength = filled - InputFileSniffer.SkipBom(buffer.AsSpan(0, filled)).Length;
            }

            var start = bomLength;

            var end = isLast ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end <= start)
            {
                // One line longer than the buffer: grow and read on.
                var larger = BatchBuffers.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(larger);
                BatchBuffers.Return(buffer);
                buffer = larger;
                continue;
            }

            var records = new List<RawRecord>(capacity: 1024);
            var position = start;
            while (position < end)
            {
                var newline = buffer.AsSpan(position, end - position).IndexOf((byte)'\n');
                var lineEnd = newline < 0 ? end : position + newline;
                var content = buffer.AsMemory(position, lineEnd - position);
                if (!IsBlank(content.Span))
                {
                    records.Add(new RawRecord(new RawRecordRef(displayPath, record++, line), content));
                }

                line++;
                position = lineEnd + 1;
            }

            // The next batch gets another buffer because workers still read this one; they release it when done.
            var next = isLast ? null : BatchBuffers.Rent(buffer.Length);
            if (next is not null)
            {
                buffer.AsSpan(end, filled - end).CopyTo(next);
            }

            yield return new RecordBatch(records, end, buffer);
            bomLength = 0;

            if (next is null)
            {
                yield break;
            }

            filled -= end;
            buffer = next;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}
