using System.Text.Json;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Decides how to read a file from its first bytes rather than its extension, because exports are often
/// misnamed (NDJSON saved as .json, JSON arrays saved as .log).
/// </summary>
public static class InputFileSniffer
{
    private const int SampleSize = 64 * 1024;

    /// <summary>Returns the kind of the file's content.</summary>
    public static InputFileKind Sniff(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        var buffer = new byte[SampleSize];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Sniff(buffer.AsSpan(0, length), Path.GetExtension(path));
    }

    /// <summary>Returns the kind of content that starts with <paramref name="sample"/>.</summary>
    public static InputFileKind Sniff(ReadOnlySpan<byte> sample, string extension)
    {
        sample = SkipBom(sample);
        var start = IndexOfNonWhitespace(sample);
        if (start < 0)
        {
            return extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? InputFileKind.Csv : InputFileKind.JsonValues;
        }

        var first = sample[start];
        if (first == (byte)'[')
        {
            return InputFileKind.JsonValues;
        }

        if (first == (byte)'{')
        {
            return IsNdjson(sample[start..]) ? InputFileKind.Ndjson : InputFileKind.JsonValues;
        }

        return LooksLikeCsv(sample[start..], extension) ? InputFileKind.Csv : InputFileKind.Unknown;
    }

    /// <summary>Returns the content after a UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    // The file is NDJSON when its first line is one complete JSON value by itself.
    private static bool IsNdjson(ReadOnlySpan<byte> sample)
    {
        var newline = sample.IndexOf((byte)'\n');
        var firstLine = newline < 0 ? sample : sample[..newline];
        var reader = new Utf8JsonReader(firstLine, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return reader.Read() && reader.TrySkip() && IndexOfNonWhitespace(firstLine[(int)reader.BytesConsumed..]) < 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool LooksLikeCsv(ReadOnlySpan<byte> sample, string extension)
    {
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var newline = sample.IndexOf((byte)'\n');
        var header = newline < 0 ? sample : sample[..newline];
        return header.Contains((byte)',') && !header.Contains((byte)0);
    }

    private static int IndexOfNonWhitespace(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8);
}
