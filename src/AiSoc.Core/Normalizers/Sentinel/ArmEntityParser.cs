using System.Text.Json;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Reads Sentinel ARM entities, <c>{"id", "name", "type": "Microsoft.SecurityInsights/Entities", "kind",
/// "properties"}</c>, as the REST API lists them for an incident and as the incident trigger carries them in
/// <c>relatedEntities</c>. Kinds the schema does not model (SecurityGroup, IoTDevice, MailCluster, SecurityAlert
/// and others) are skipped without a warning. An entity without a usable identifier is dropped with a warning.
/// </summary>
public static class ArmEntityParser
{
    /// <summary>
    /// Parses the entity objects of one list. <paramref name="field"/> is the list's path in the source record,
    /// such as <c>object.properties.relatedEntities</c>. Warnings name each item as <c>field[i]</c>.
    /// </summary>
    public static ArmEntityParseResult Parse(IEnumerable<JsonElement> items, string field)
    {
        var list = items.ToList();
        var warnings = new List<string>();
        var entities = new List<Entity>();
        var kinds = new ArmEntityKinds(new ArmEntityIndex(list), warnings);

        for (var i = 0; i < list.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var item = list[i];
            if (item.ValueKind != JsonValueKind.Object)
            {
                warnings.Add($"{itemField}: ignored entity that is not a JSON object");
                continue;
            }

            var kind = item.Str("kind");
            if (!ArmEntityKinds.IsModeled(kind))
            {
                continue;
            }

            if (ArmEntityIndex.Properties(item) is not { } properties)
            {
                warnings.Add($"{itemField}: dropped {kind} entity without a properties object");
                continue;
            }

            // With the $id/$ref convention an entity listed again is only {"$ref": "n"}. The item with the
            // matching $id contains the fields and is parsed in its own place.
            if (properties.Has("$ref"))
            {
                continue;
            }

            if (kinds.Build(kind!, properties, itemField) is { } entity && !entities.Contains(entity))
            {
                entities.Add(entity);
            }
        }

        return new ArmEntityParseResult(entities, warnings);
    }
}
