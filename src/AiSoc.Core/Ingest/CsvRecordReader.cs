using System.Buffers;
using System.Text;
using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Streams an RFC 4180 CSV export (quoted fields may span lines, as the JSON columns of a Log Analytics export do)
/// and turns each row into a JSON object of strings keyed by the header, so normalizers see one shape.
/// A row whose field count differs from the header's is rejected alone.
/// </summary>
public static class CsvRecordReader
{
    private const int RowsPerBatch = 256;

    /// <summary>Reads <paramref name="path"/>, reporting it as <paramref name="displayPath"/> in record references.</summary>
    public static IEnumerable<RecordBatch> Read(string path, string displayPath)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var parser = new CsvRowReader(text);

        if (!parser.TryReadRow(out var header, out _))
        {
            yield break;
        }

        var records = new List<RawRecord>(RowsPerBatch);
        long bytes = 0;
        long record = 0;
        while (parser.TryReadRow(out var fields, out var line))
        {
            var raw = new RawRecordRef(displayPath, record++, line);
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                record--;
                continue;
            }

            records.Add(fields.Count == header.Count
                ? new RawRecord(raw, ToJson(header, fields))
                : new RawRecord(raw, ReadOnlyMemory<byte>.Empty, $"CSV row has {fields.Count} fields but the header has {header.Count}"));
            bytes += fields.Sum(f => f.Length);

            if (records.Count == RowsPerBatch)
            {
                yield return new RecordBatch(records, bytes);
                records = new List<RawRecord>(RowsPerBatch);
                bytes = 0;
            }
        }

        if (records.Count > 0)
        {
            yield return new RecordBatch(records, bytes);
        }
    }

    private static byte[] ToJson(List<string> header, List<string> fields)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            for (var i = 0; i < header.Count; i++)
            {
                // pandas writes its row index as a column with an empty name; it is not data.
                if (header[i].Length > 0)
                {
                    writer.WriteString(header[i], fields[i]);
                }
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }
}
