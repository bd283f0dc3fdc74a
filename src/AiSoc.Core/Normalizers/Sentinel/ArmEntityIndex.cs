using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Finds the entity objects of one list by the ids that other entities use to point at them: the ARM resource id,
/// the entity name (a GUID) and the <c>$id</c> of the <c>$id</c>/<c>$ref</c> convention.
/// </summary>
internal sealed class ArmEntityIndex
{
    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.OrdinalIgnoreCase);

    public ArmEntityIndex(IReadOnlyList<JsonElement> items)
    {
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            AddKey(item.Str("id"), item);
            AddKey(item.Str("name"), item);
            AddKey(Properties(item)?.Str("$id"), item);
        }
    }

    /// <summary>Returns the entity object that <paramref name="reference"/> names, or null when the list lacks it.</summary>
    public JsonElement? Find(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (_byId.TryGetValue(reference, out var item))
        {
            return item;
        }

        // Some payloads point at an entity by the last segment of its ARM id only.
        var slash = reference.LastIndexOf('/');
        return slash >= 0 && _byId.TryGetValue(reference[(slash + 1)..], out item) ? item : null;
    }

    /// <summary>Returns the <c>properties</c> object of an entity, or null when it has none.</summary>
    public static JsonElement? Properties(JsonElement item) =>
        item.Get("properties") is { ValueKind: JsonValueKind.Object } properties ? properties : null;

    private void AddKey(string? key, JsonElement item)
    {
        if (key is not null)
        {
            _byId.TryAdd(key, item);
        }
    }
}
