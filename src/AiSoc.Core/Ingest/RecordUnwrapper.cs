using System.Text.Json;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Finds the records inside API and export containers: Graph and Defender list responses
/// (<c>{"@odata.context":…, "value":[…]}</c>), Azure diagnostic and Event Hubs exports (<c>{"records":[…]}</c>),
/// Sentinel entity lists (<c>{"entities":[…], "metaData":[…]}</c>) and REST API specification examples
/// (<c>{"parameters":…, "responses":{"200":{"body":…}}}</c>).
/// </summary>
public static class RecordUnwrapper
{
    /// <summary>Returns the items of a container, or null when <paramref name="record"/> is a record itself.</summary>
    public static IReadOnlyList<JsonElement>? TryUnwrap(JsonElement record)
    {
        if (record.ValueKind == JsonValueKind.Array)
        {
            return [.. record.EnumerateArray()];
        }

        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (TryGetResponseBody(record, out var body))
        {
            return TryUnwrap(body) ?? [body];
        }

        if (IsListResponse(record, "value") || IsListResponse(record, "records"))
        {
            return [.. (record.TryGetProperty("value", out var value) ? value : record.GetProperty("records")).EnumerateArray()];
        }

        if (record.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array
            && record.TryGetProperty("metaData", out _))
        {
            return [.. entities.EnumerateArray()];
        }

        return null;
    }

    private static bool TryGetResponseBody(JsonElement record, out JsonElement body)
    {
        body = default;
        return record.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object
            && record.TryGetProperty("parameters", out _)
            && (responses.TryGetProperty("200", out var ok) || responses.TryGetProperty("201", out ok))
            && ok.ValueKind == JsonValueKind.Object && ok.TryGetProperty("body", out body);
    }

    // A list response has the array and nothing else but paging and OData annotations.
    private static bool IsListResponse(JsonElement record, string arrayName)
    {
        if (!record.TryGetProperty(arrayName, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var property in record.EnumerateObject())
        {
            var name = property.Name;
            if (name != arrayName && !name.StartsWith("@odata", StringComparison.Ordinal) && name != "nextLink")
            {
                return false;
            }
        }

        return true;
    }
}
