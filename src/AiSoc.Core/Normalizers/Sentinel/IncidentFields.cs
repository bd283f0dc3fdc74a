using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Reads incident fields by dotted path in both the nested REST form and the flattened pandas form, where
/// <c>properties.additionalData.tactics</c> may be one key, or a key for part of the path, such as
/// <c>"properties.additionalData": {"tactics": [...]}</c>.
/// </summary>
internal readonly struct IncidentFields(JsonElement incident, string path)
{
    /// <summary>Returns the path of a field in the source record, such as <c>object.properties.title</c>.</summary>
    public string Path(string dottedName) => path + dottedName;

    /// <summary>Returns the text at <paramref name="dottedName"/>, or null when it is missing, empty or "null".</summary>
    public string? Text(string dottedName) => Element(dottedName) is { } value ? JsonFields.AsText(value) : null;

    /// <summary>Returns the element at <paramref name="dottedName"/>, or null when it is missing or JSON null.</summary>
    public JsonElement? Element(string dottedName) =>
        Find(incident, dottedName.Split('.'), 0) is { ValueKind: not JsonValueKind.Null } value ? value : null;

    // Tries the longest joined key first, so "properties.additionalData.tactics" as one key wins over nesting.
    private static JsonElement? Find(JsonElement current, string[] segments, int start)
    {
        if (current.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        for (var end = segments.Length; end > start; end--)
        {
            var key = string.Join('.', segments[start..end]);
            if (!current.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (end == segments.Length)
            {
                return value;
            }

            if (Find(value, segments, end) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
