using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Normalizes Sentinel alerts in the ARM shape <c>{"kind": "SecurityAlert", "properties": {...}}</c> that the
/// REST API returns for an incident's alerts and that the incident and alert triggers carry.
/// </summary>
public sealed class ArmAlertNormalizer : IRecordNormalizer
{
    public string Format => "sentinel-arm-alert";

    public bool CanNormalize(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && string.Equals(record.Str("kind"), "SecurityAlert", StringComparison.OrdinalIgnoreCase)
        && record.Get("properties") is { ValueKind: JsonValueKind.Object };

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw) =>
        NormalizationResult.ForAlert(NormalizeAlert(record, raw));

    /// <summary>
    /// Normalizes one ARM SecurityAlert object. <paramref name="path"/> is the object's path in the source record
    /// with a trailing dot, such as <c>object.properties.alerts[0].</c>, so that errors and warnings name the
    /// field as it sits in the record.
    /// </summary>
    public static NormalizedAlert NormalizeAlert(JsonElement alert, RawRecordRef raw, string path = "")
    {
        var fields = new ArmAlertFields(alert, path);
        var draft = new AlertDraft(SourceProduct.Sentinel, raw);

        var systemAlertId = fields.Text("systemAlertId");
        var providerAlertId = fields.Text("providerAlertId");
        draft.ProviderAlertId = providerAlertId ?? systemAlertId;
        draft.SetExtra("systemAlertId", systemAlertId);
        draft.SetExtra("providerAlertId", providerAlertId);

        draft.Title = fields.Text("alertDisplayName");
        draft.Description = fields.Text("description");
        draft.Severity = SeverityParser.Parse(fields.Text("severity"));
        draft.Status = fields.Text("status");
        draft.ProductName = fields.Text("productName");
        draft.DetectorId = fields.Text("alertType");

        draft.CreatedAt = AlertDraft.Time(fields.Text("timeGenerated"), fields.Path("timeGenerated"));
        draft.FirstActivityAt = AlertDraft.Time(fields.Text("startTimeUtc"), fields.Path("startTimeUtc"));
        draft.LastActivityAt = AlertDraft.Time(fields.Text("endTimeUtc"), fields.Path("endTimeUtc"));

        // An ARM alert has no modification time, so LastUpdatedAt takes processingEndTime, when Sentinel published it.
        draft.LastUpdatedAt = AlertDraft.Time(fields.Text("processingEndTime"), fields.Path("processingEndTime"));

        draft.AddTactics(fields.JoinedList("tactics"), fields.Path("tactics"));
        draft.AddTechniques(fields.JoinedList("techniques"), fields.Path("techniques"));
        draft.AddTechniques(fields.JoinedList("subTechniques"), fields.Path("subTechniques"));

        draft.SetExtra("vendorName", fields.Text("vendorName"));
        draft.SetExtra("compromisedEntity", fields.Text("compromisedEntity"));
        draft.SetExtra("confidenceLevel", fields.Text("confidenceLevel"));
        draft.SetExtra("confidenceScore", fields.Text("confidenceScore"));

        AddResourceIdentifiers(draft, fields);
        AddRelatedEntities(draft, fields);

        return draft.Build(fields.Path("systemAlertId"), fields.Path("alertDisplayName"), fields.Path("timeGenerated"));
    }

    // Only AzureResource identifiers name the attacked resource. A LogAnalytics identifier names the workspace.
    private static void AddResourceIdentifiers(AlertDraft draft, ArmAlertFields fields)
    {
        foreach (var identifier in JsonFields.Items(fields.Element("resourceIdentifiers")))
        {
            if (string.Equals(identifier.Str("type"), "AzureResource", StringComparison.OrdinalIgnoreCase)
                && identifier.Str("azureResourceId") is { } resourceId)
            {
                draft.AddEntity(new AzureResourceEntity { ResourceId = resourceId, Role = EntityRole.Impacted },
                    fields.Path("resourceIdentifiers"), "azure-resource");
            }
        }
    }

    // NOTE: The REST API alert model has no entity list. relatedEntities is read for trigger payloads that add one,
    // a shape not yet checked against a captured trigger body.
    private static void AddRelatedEntities(AlertDraft draft, ArmAlertFields fields)
    {
        var parsed = ArmEntityParser.Parse(JsonFields.Items(fields.Element("relatedEntities")), fields.Path("relatedEntities"));
        foreach (var entity in parsed.Entities)
        {
            draft.AddEntity(entity, fields.Path("relatedEntities"), entity.Kind);
        }

        foreach (var warning in parsed.Warnings)
        {
            draft.Warn(warning);
        }
    }
}
