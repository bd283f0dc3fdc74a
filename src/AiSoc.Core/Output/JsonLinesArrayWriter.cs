using System.Text.Json;

namespace AiSoc.Core.Output;

/// <summary>
/// Writes a JSON array with one compact element per line. The file stays a plain JSON array for any parser, and
/// line tools such as grep and head still work on it. Indenting every element would double large outputs.
/// </summary>
public static class JsonLinesArrayWriter
{
    /// <summary>Writes <paramref name="values"/> to <paramref name="path"/>, replacing the file.</summary>
    public static void Write<T>(string path, IEnumerable<T> values)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = OutputJson.Options.Encoder, SkipValidation = true });

        stream.WriteByte((byte)'[');
        var first = true;
        foreach (var value in values)
        {
            stream.Write(first ? "\n"u8 : ",\n"u8);
            first = false;

            JsonSerializer.Serialize(writer, value, OutputJson.Options);
            writer.Flush();
            writer.Reset();
        }

        stream.Write(first ? "]\n"u8 : "\n]\n"u8);
    }
}
