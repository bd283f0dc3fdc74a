using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>Reads the <c>properties</c> of an ARM SecurityAlert and names each field by its path in the record.</summary>
internal readonly struct ArmAlertFields(JsonElement alert, string path)
{
    /// <summary>Returns the field's path in the source record, such as <c>object.properties.severity</c>.</summary>
    public string Path(string name) => $"{path}properties.{name}";

    public string? Text(string name) => alert.Str("properties", name);

    public JsonElement? Element(string name) =>
        alert.Get("properties", name) is { ValueKind: not JsonValueKind.Null } value ? value : null;

    /// <summary>Returns an array field as one comma-separated text, or a text field as it is.</summary>
    public string? JoinedList(string name)
    {
        if (Element(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return JsonFields.AsText(value);
        }

        var items = JsonFields.Strings(value);
        return items.Count == 0 ? null : string.Join(',', items);
    }
}
