using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Parses a Sentinel or Defender for Cloud entity list into schema entities. Accepts a JSON array, a string that
/// contains the array (the <c>Entities</c> column of the <c>SecurityAlert</c> table), or an object that maps each
/// <c>$id</c> to its entity, as msticpy stores an entity graph. Never throws for bad content: an unreadable list,
/// a dangling <c>$ref</c> or an unusable entity becomes a warning.
/// </summary>
public static class EntityGraphParser
{
    /// <summary>Parses <paramref name="value"/>. <paramref name="field"/> is its path in the source record, used in warnings.</summary>
    public static EntityGraph Parse(JsonElement? value, string field)
    {
        if (value is not { } element)
        {
            return EntityGraph.Empty;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return ParseElement(element, field);
        }

        var utf8 = EmbeddedJson.Utf8Of(element);
        if (EmbeddedJson.IsMissing(utf8))
        {
            return EntityGraph.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8);
            return ParseElement(document.RootElement, field);
        }
        catch (JsonException error)
        {
            return new EntityGraph([], [$"{field}: ignored text that is not valid JSON ({error.Message})"], 0);
        }
    }

    private static EntityGraph ParseElement(JsonElement element, string field)
    {
        var walker = new EntityGraphWalker();
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                return walker.Walk(element.EnumerateArray().Select((item, index) => (item, $"{field}[{index}]")));
            case JsonValueKind.Object when element.TryGetProperty("Type", out _) || element.TryGetProperty("$ref", out _):
                return walker.Walk([(element, field)]);
            case JsonValueKind.Object:
                return walker.Walk(element.EnumerateObject().Select(property => (property.Value, $"{field}.{property.Name}")));
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return EntityGraph.Empty;
            default:
                return new EntityGraph([], [$"{field}: ignored {element.ValueKind} value where an entity list was expected"], 0);
        }
    }
}
