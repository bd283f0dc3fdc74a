using System.Runtime.InteropServices;
using System.Text.Json;

namespace AiSoc.Core.Parsing;

/// <summary>
/// Reads JSON that a record carries inside a string value, such as the <c>Entities</c> and <c>ExtendedProperties</c>
/// columns of Sentinel's <c>SecurityAlert</c> table. The string is unescaped straight to UTF-8, which skips the
/// UTF-16 string and the transcoding back that <see cref="JsonElement.GetString"/> followed by a parse would cost.
/// </summary>
public static class EmbeddedJson
{
    /// <summary>Returns the unescaped UTF-8 bytes of a JSON string value.</summary>
    public static byte[] Utf8Of(JsonElement stringValue)
    {
        var raw = JsonMarshal.GetRawUtf8Value(stringValue);
        var reader = new Utf8JsonReader(raw);
        reader.Read();

        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        var buffer = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return written == buffer.Length ? buffer : buffer[..written];
    }

    /// <summary>True when the text is empty, white space or "null", which exports write for a missing value.</summary>
    public static bool IsMissing(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.Trim(" \t\r\n"u8);
        return trimmed.IsEmpty || System.Text.Ascii.EqualsIgnoreCase(trimmed, "null"u8);
    }

    /// <summary>Returns true when <paramref name="utf8"/> is one complete, valid JSON value, without building a document.</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(utf8);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException exception)
        {
            error = exception.Message;
            return false;
        }
    }
}
