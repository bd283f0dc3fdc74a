using System.Text.Json;

namespace AiSoc.Core.Output;

/// <summary>Writes values as NDJSON (one JSON object per line) with the output serializer settings.</summary>
public static class NdjsonWriter
{
    /// <summary>Writes <paramref name="values"/> to <paramref name="path"/>, replacing the file.</summary>
    public static void Write<T>(string path, IEnumerable<T> values)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = OutputJson.Options.Encoder, SkipValidation = true });
        foreach (var value in values)
        {
            JsonSerializer.Serialize(writer, value, OutputJson.Options);
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }
}
