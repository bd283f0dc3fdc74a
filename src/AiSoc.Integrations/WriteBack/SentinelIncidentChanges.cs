using System.Text.Json.Nodes;

namespace AiSoc.Integrations.WriteBack;

/// <summary>Applies a <see cref="SentinelIncidentUpdate"/> to an incident's <c>properties</c> object as policy allows.</summary>
internal static class SentinelIncidentChanges
{
    /// <summary>Changes <paramref name="properties"/> in place and returns true when any value changed.</summary>
    public static bool Apply(JsonObject properties, SentinelIncidentUpdate update, SentinelOptions policy, List<string> skipped)
    {
        var changed = false;

        if (update.Status is not null)
        {
            changed |= SetIfAllowed(properties, "status", update.Status, policy.AllowStatusUpdate, skipped);
        }

        if (update.Classification is not null)
        {
            changed |= SetIfAllowed(properties, "classification", update.Classification, policy.AllowClassificationUpdate, skipped);
        }

        if (update.ClassificationReason is not null)
        {
            changed |= SetIfAllowed(properties, "classificationReason", update.ClassificationReason, policy.AllowClassificationUpdate, skipped);
        }

        if (update.OwnerUpn is not null)
        {
            var owner = properties["owner"]?["userPrincipalName"]?.GetValue<string>();
            if (!policy.AllowOwnerUpdate)
            {
                skipped.Add("owner");
            }
            else if (!string.Equals(owner, update.OwnerUpn, StringComparison.OrdinalIgnoreCase))
            {
                // Sentinel resolves the owner's object id from the UPN.
                properties["owner"] = new JsonObject { ["userPrincipalName"] = update.OwnerUpn };
                changed = true;
            }
        }

        if (update.Labels is { Count: > 0 })
        {
            changed |= AddLabels(properties, update.Labels, policy.AllowLabelUpdate, skipped);
        }

        return changed;
    }

    private static bool SetIfAllowed(JsonObject properties, string name, string value, bool allowed, List<string> skipped)
    {
        if (!allowed)
        {
            skipped.Add(name);
            return false;
        }

        if (properties[name]?.GetValue<string>() == value)
        {
            return false;
        }

        properties[name] = value;
        return true;
    }

    private static bool AddLabels(JsonObject properties, IReadOnlyList<string> labels, bool allowed, List<string> skipped)
    {
        if (!allowed)
        {
            skipped.Add("labels");
            return false;
        }

        var existing = properties["labels"] as JsonArray ?? [];
        var names = existing.Select(label => label?["labelName"]?.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changed = false;
        foreach (var label in labels.Where(label => !names.Contains(label)))
        {
            existing.Add(new JsonObject { ["labelName"] = label, ["labelType"] = "User" });
            names.Add(label);
            changed = true;
        }

        properties["labels"] = existing.DeepClone();
        return changed;
    }
}
