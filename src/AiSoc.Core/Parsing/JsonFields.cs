using System.Globalization;
using System.Text.Json;

namespace AiSoc.Core.Parsing;

/// <summary>
/// Reads fields from provider records. Empty strings and the text "null" count as missing, because several
/// exports (Defender for Endpoint, pandas conversions) write a missing value that way.
/// </summary>
public static class JsonFields
{
    /// <summary>Returns the property's text, or null when it is missing, null, empty or "null".</summary>
    public static string? Str(this JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return AsText(value);
    }

    /// <summary>
    /// Returns the text at a nested path such as <c>properties.title</c>. Also accepts the flattened form in which
    /// the whole dotted path is one property name, as pandas and Log Analytics exports write it.
    /// </summary>
    public static string? Str(this JsonElement obj, string parent, string name) =>
        obj.Get(parent, name) is { } value ? AsText(value) : null;

    /// <summary>Returns the element at <paramref name="parent"/>.<paramref name="name"/>, nested or flattened.</summary>
    public static JsonElement? Get(this JsonElement obj, string parent, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (obj.TryGetProperty(parent, out var nested) && nested.ValueKind == JsonValueKind.Object
            && nested.TryGetProperty(name, out var value))
        {
            return value;
        }

        return obj.TryGetProperty(parent + "." + name, out var flat) ? flat : null;
    }

    /// <summary>Returns the property when it exists and is not JSON null.</summary>
    public static JsonElement? Get(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>True when the object has the property, whatever its value.</summary>
    public static bool Has(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    /// <summary>Converts a scalar element to text; returns null for objects, arrays and missing values.</summary>
    public static string? AsText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString();
                if (string.IsNullOrWhiteSpace(text) || text.Equals("null", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                return text.Trim();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }

    /// <summary>
    /// Returns the items of an array value, or nothing when the value is missing or not an array. The struct
    /// enumerator keeps <c>foreach</c> loops free of allocations on the hot normalization path.
    /// </summary>
    public static JsonElement.ArrayEnumerator Items(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Array } element ? element.EnumerateArray() : default;

    /// <summary>Returns the text items of an array, skipping missing values.</summary>
    public static List<string> Strings(JsonElement? value)
    {
        var list = new List<string>();
        foreach (var item in Items(value))
        {
            if (AsText(item) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    /// <summary>Parses a boolean written as JSON true/false or as text ("True", "false").</summary>
    public static bool? Bool(this JsonElement obj, string name) =>
        obj.Str(name) is { } text && bool.TryParse(text, out var value) ? value : null;

    /// <summary>Parses an integer written as a number or as text.</summary>
    public static long? Int64Value(this JsonElement obj, string name) =>
        obj.Str(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
