using System.Text.Json;

namespace AiSoc.Functions.Ingestion;

/// <summary>
/// Unwraps one record of the Defender XDR streaming API, which sends Advanced Hunting rows as
/// <c>{"time":…, "tenantId":…, "operationName":"Publish", "category":"AdvancedHunting-AlertInfo", "properties":{row}}</c>.
/// </summary>
internal static class StreamingEnvelope
{
    /// <summary>Returns the row inside a streaming record, or <paramref name="record"/> itself when it is not one.</summary>
    public static JsonElement Unwrap(JsonElement record)
    {
        if (record.ValueKind == JsonValueKind.Object
            && record.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.String
            && category.GetString()!.StartsWith("AdvancedHunting-", StringComparison.OrdinalIgnoreCase)
            && record.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            return properties;
        }

        return record;
    }
}
