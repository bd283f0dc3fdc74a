using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>Field access shared by the telemetry readers; failures throw <see cref="InvalidRecordException"/> naming the field.</summary>
internal static class TelemetryFields
{
    public static string Required(JsonElement record, string field) =>
        record.Str(field) ?? throw new InvalidRecordException(field, "missing value");

    public static DateTimeOffset RequiredTime(JsonElement record, string field)
    {
        var text = Required(record, field);
        if (!UtcTimestamp.TryParse(text, out var value))
        {
            throw new InvalidRecordException(field, UtcTimestamp.DescribeInvalid(text));
        }

        return value;
    }

    public static int RequiredInt(JsonElement record, string field)
    {
        var text = Required(record, field);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidRecordException(field, $"invalid integer '{Clip(text)}'");
        }

        return value;
    }

    /// <summary>
    /// Returns a nested object such as <c>LocationDetails</c>. Log Analytics exports and pandas conversions write it
    /// either as an object or as a string that contains JSON, so both are accepted. The document of a string value
    /// is added to <paramref name="owned"/> for the caller to dispose.
    /// </summary>
    public static JsonElement? NestedObject(JsonElement record, string field, List<JsonDocument> owned)
    {
        if (record.Get(field) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.String || JsonFields.AsText(value) is not { } text)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            throw new InvalidRecordException(field, "invalid JSON text: " + error.Message.Split(" LineNumber", 2)[0]);
        }

        owned.Add(document);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRecordException(field, $"expected a JSON object, found {document.RootElement.ValueKind}");
        }

        return document.RootElement;
    }

    public static double? OptionalDouble(JsonElement obj, string field, string path)
    {
        if (obj.Str(field) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InvalidRecordException(path, $"invalid number '{Clip(text)}'");
        }

        return value;
    }

    /// <summary>Returns null for the placeholders Windows writes for "no value".</summary>
    public static string? WindowsValue(string? text) => text is null or "-" ? null : text;

    public static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
