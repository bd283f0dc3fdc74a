using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderForCloud;

/// <summary>
/// Normalizes Defender for Cloud alerts read from Azure Resource Manager (<c>Microsoft.Security/locations/alerts</c>
/// resources, as returned by <c>GET .../providers/Microsoft.Security/alerts</c>).
/// </summary>
public sealed class DefenderForCloudArmAlertNormalizer : IRecordNormalizer
{
    private const string ResourceType = "Microsoft.Security/Locations/alerts";

    public string Format => "defender-for-cloud-arm";

    /// <summary>
    /// Accepts a resource whose <c>type</c> is <c>Microsoft.Security/Locations/alerts</c>, or whose ARM <c>id</c>
    /// contains <c>/providers/Microsoft.Security/locations/{location}/alerts/</c> when <c>type</c> is absent,
    /// and that has a <c>properties</c> object. Sentinel alert entities, which also carry <c>properties.systemAlertId</c>,
    /// have the type <c>Microsoft.SecurityInsights/Entities</c> and are not accepted.
    /// </summary>
    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object
            || !record.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (record.Str("type") is { } type)
        {
            return type.Equals(ResourceType, StringComparison.OrdinalIgnoreCase);
        }

        return record.Str("id") is { } id && IsAlertResourceId(id);
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var properties = record.GetProperty("properties");
        var (createdField, created) = FirstTime(properties, "timeGeneratedUtc", "reportedTimeUtc");
        var draft = new AlertDraft(SourceProduct.DefenderForCloud, raw)
        {
            ProductName = properties.Str("productName"),
            ProviderAlertId = ProviderAlertIds.Canonical(properties.Str("systemAlertId") ?? record.Str("name")),
            Title = properties.Str("alertDisplayName"),
            Description = properties.Str("description"),
            Severity = SeverityParser.Parse(properties.Str("severity")),
            Status = properties.Str("status"),
            DetectorId = properties.Str("alertType"),
            CreatedAt = created,
            FirstActivityAt = AlertDraft.Time(properties.Str("startTimeUtc"), "properties.startTimeUtc"),
            LastActivityAt = AlertDraft.Time(properties.Str("endTimeUtc"), "properties.endTimeUtc"),
        };

        draft.LastUpdatedAt = AlertDraft.Time(properties.Str("processingEndTimeUtc"), "properties.processingEndTimeUtc") ?? created;

        SecurityAlertAttack.AddTactics(draft, properties.Get("intent"), "properties.intent");
        SecurityAlertAttack.AddTechniques(draft, properties.Get("techniques"), "properties.techniques");
        SecurityAlertAttack.AddTechniques(draft, properties.Get("subTechniques"), "properties.subTechniques");
        SecurityAlertAttack.AddExtendedPropertyTechniques(draft, properties.Get("extendedProperties"), "properties.extendedProperties");

        SecurityAlertEntities.Add(draft, properties.Get("entities"), "properties.entities", resourceId: null,
            properties.Get("resourceIdentifiers"));

        draft.SetExtra("ArmAlertId", record.Str("id"));
        draft.SetExtra("CompromisedEntity", properties.Str("compromisedEntity"));
        draft.SetExtra("VendorName", properties.Str("vendorName"));
        draft.SetExtra("IsIncident", properties.Bool("isIncident")?.ToString().ToLowerInvariant());
        return NormalizationResult.ForAlert(draft.Build("properties.systemAlertId", "properties.alertDisplayName", createdField));
    }

    /// <summary>Returns the first present time among <paramref name="names"/> with its path, for the error of a missing one.</summary>
    private static (string Field, DateTimeOffset? Value) FirstTime(JsonElement properties, params string[] names)
    {
        foreach (var name in names)
        {
            if (properties.Str(name) is { } text)
            {
                return ("properties." + name, AlertDraft.Time(text, "properties." + name));
            }
        }

        return ("properties." + names[0], null);
    }

    private static bool IsAlertResourceId(string id)
    {
        var segments = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 4 < segments.Length; i++)
        {
            if (segments[i].Equals("providers", StringComparison.OrdinalIgnoreCase)
                && segments[i + 1].Equals("Microsoft.Security", StringComparison.OrdinalIgnoreCase)
                && segments[i + 2].Equals("locations", StringComparison.OrdinalIgnoreCase)
                && segments[i + 4].Equals("alerts", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
