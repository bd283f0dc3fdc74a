using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.EntraIdProtection;

/// <summary>
/// Normalizes an Entra ID Protection risk detection, either the Graph <c>riskDetection</c> resource (fields at the
/// top level) or the diagnostic-settings export (<c>UserRiskEvents</c>, <c>RiskDetection</c> or
/// <c>ServicePrincipalRiskEvents</c> category, fields under <c>properties</c>).
/// </summary>
public sealed class RiskDetectionNormalizer : IRecordNormalizer
{
    private static readonly HashSet<string> ExportCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "UserRiskEvents", "RiskDetection", "ServicePrincipalRiskEvents",
    };

    public string Format => "entra-risk-detection";

    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return (record.Str("riskEventType") is not null && record.Str("riskLevel") is not null) || IsExport(record);
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var fields = new RiskDetectionFields(record, IsExport(record));
        var riskEventType = fields.Str("riskEventType");

        // The export's time is when the event was written, so it replaces a missing creation or update time.
        // In the sample exports it equals lastUpdatedDateTime to the second.
        var exportTime = fields.IsExport ? AlertDraft.Time(record.Str("time"), "time") : null;

        var draft = new AlertDraft(SourceProduct.EntraIdProtection, raw)
        {
            ProductName = "Microsoft Entra ID Protection",
            ProviderAlertId = fields.Str("id"),
            Title = riskEventType is null ? null : RiskEventTypes.Title(riskEventType),
            Severity = SeverityParser.Parse(fields.Str("riskLevel")),
            Status = fields.Str("riskState"),
            DetectorId = riskEventType,
            DetectionSource = fields.Str("source"),
            CreatedAt = fields.Time("detectedDateTime") ?? exportTime,
            FirstActivityAt = fields.Time("activityDateTime"),
            LastUpdatedAt = fields.Time("lastUpdatedDateTime") ?? exportTime,
        };

        if (riskEventType is not null && RiskEventTypes.TryGetAttack(riskEventType, out var technique, out var tactics))
        {
            draft.AddTechniques(technique, fields.PathOf("riskEventType"));
            draft.AddTactics(tactics, fields.PathOf("riskEventType"));
        }

        AddEntities(record, fields, draft);

        draft.SetExtra("riskEventType", riskEventType);
        draft.SetExtra("riskState", fields.Str("riskState"));
        draft.SetExtra("riskDetail", fields.Str("riskDetail"));
        draft.SetExtra("detectionTimingType", fields.Str("detectionTimingType"));
        draft.SetExtra("activity", fields.Str("activity"));
        draft.SetExtra("correlationId", fields.Str("correlationId"));
        draft.SetExtra("location", Location(fields.Get("location")));

        return NormalizationResult.ForAlert(draft.Build(
            fields.PathOf("id"), fields.PathOf("riskEventType"), fields.PathOf("detectedDateTime")));
    }

    private static bool IsExport(JsonElement record) =>
        record.Str("category") is { } category && ExportCategories.Contains(category)
            && record.Get("properties", "riskEventType") is not null;

    /// <summary>Adds the user or service principal at risk (impacted) and the sign-in IP address (attacker).</summary>
    private static void AddEntities(JsonElement record, RiskDetectionFields fields, AlertDraft draft)
    {
        if (fields.Str("userId") is not null || fields.Str("userPrincipalName") is not null)
        {
            var user = EntityFactory.Account(
                objectId: fields.Str("userId"),
                upn: fields.Str("userPrincipalName"),
                displayName: fields.Str("userDisplayName"),
                role: EntityRole.Impacted);
            draft.AddEntity(user, fields.PathOf("userId"), "account");
        }

        if (fields.Str("servicePrincipalId") is not null)
        {
            var servicePrincipal = EntityFactory.Account(
                objectId: fields.Str("servicePrincipalId"),
                displayName: fields.Str("servicePrincipalDisplayName"),
                role: EntityRole.Impacted);
            draft.AddEntity(servicePrincipal, fields.PathOf("servicePrincipalId"), "account");
        }

        if (fields.Str("appId") is { } appId)
        {
            var application = new CloudApplicationEntity
            {
                AppId = appId,
                Name = fields.Str("servicePrincipalDisplayName"),
                Role = EntityRole.Impacted,
            };
            draft.AddEntity(application, fields.PathOf("appId"), "cloud-application");
        }

        var address = fields.Str("ipAddress");
        var addressField = fields.PathOf("ipAddress");
        if (address is null && fields.IsExport && record.Str("callerIpAddress") is { } callerIp)
        {
            address = callerIp;
            addressField = "callerIpAddress";
        }

        draft.AddIp(address, addressField, EntityRole.Attacker);
    }

    /// <summary>Formats a Graph <c>signInLocation</c> as "city, state, country".</summary>
    private static string? Location(JsonElement? location)
    {
        if (location is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var parts = new[] { value.Str("city"), value.Str("state"), value.Str("countryOrRegion") }
            .Where(part => part is not null);
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text;
    }
}
