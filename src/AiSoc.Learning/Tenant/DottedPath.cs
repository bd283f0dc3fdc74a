using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Learning.Tenant;

/// <summary>
/// Reads a field by dotted path in nested JSON and in flattened exports, where a key such as
/// <c>"properties.owner.assignedTo"</c> or <c>"properties.owner"</c> contains part of the path.
/// </summary>
internal static class DottedPath
{
    /// <summary>Returns the element at <paramref name="path"/>, or null when it is missing or JSON null.</summary>
    public static JsonElement? Element(JsonElement record, string path) =>
        Find(record, path.Split('.'), 0) is { ValueKind: not JsonValueKind.Null } value ? value : null;

    /// <summary>Returns the text at <paramref name="path"/>, or null when it is missing, empty or "null".</summary>
    public static string? Text(JsonElement record, string path) =>
        Element(record, path) is { } value ? JsonFields.AsText(value) : null;

    // The longest joined key wins, so a flattened key is found before a nested object of the same prefix.
    private static JsonElement? Find(JsonElement current, string[] segments, int start)
    {
        if (current.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        for (var end = segments.Length; end > start; end--)
        {
            if (!current.TryGetProperty(string.Join('.', segments[start..end]), out var value))
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
