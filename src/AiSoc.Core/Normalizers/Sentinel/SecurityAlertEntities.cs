using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Normalizers.DefenderForCloud;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>Adds an alert's entity list and the Azure resources it is about to a draft.</summary>
internal static class SecurityAlertEntities
{
    /// <summary>
    /// Parses <paramref name="entities"/>, adds the alert's resource (<paramref name="resourceId"/>) and the
    /// <c>AzureResource</c> items of <paramref name="resourceIdentifiers"/> as impacted resources, and copies the
    /// parser's warnings.
    /// </summary>
    public static void Add(AlertDraft draft, JsonElement? entities, string field, string? resourceId, JsonElement? resourceIdentifiers)
    {
        var graph = EntityGraphParser.Parse(entities, field);
        var list = graph.Entities.ToList();

        AzureResourceEntities.Link(list, resourceId, EntityRole.Impacted);
        foreach (var identifier in JsonFields.Items(resourceIdentifiers))
        {
            if ("AzureResource".Equals(EntityGraphFields.Text(identifier, "Type"), StringComparison.OrdinalIgnoreCase))
            {
                AzureResourceEntities.Link(list, EntityGraphFields.Text(identifier, "AzureResourceId"), EntityRole.Impacted);
            }
        }

        foreach (var entity in list)
        {
            draft.AddEntity(entity, field, entity.Kind);
        }

        foreach (var warning in graph.Warnings)
        {
            draft.Warn(warning);
        }

        if (graph.SkippedCount > 0)
        {
            draft.SetExtra("SkippedEntityCount", graph.SkippedCount.ToString(CultureInfo.InvariantCulture));
        }
    }
}
