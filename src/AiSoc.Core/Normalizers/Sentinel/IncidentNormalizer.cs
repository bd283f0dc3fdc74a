using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Normalizes Sentinel incidents: the REST resource (<c>type</c> Microsoft.SecurityInsights/incidents), its
/// flattened pandas export with keys such as <c>properties.title</c> and an <c>Alerts</c> list, and the automation
/// rule / playbook trigger body. A trigger body for an alert becomes that alert alone.
/// </summary>
public sealed class IncidentNormalizer : IRecordNormalizer
{
    public string Format => "sentinel-incident";

    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return record.Str("type") is { } type && type.EndsWith("SecurityInsights/incidents", StringComparison.OrdinalIgnoreCase)
            || record.Has("properties.incidentNumber")
            || AutomationEnvelope.Matches(record);
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        if (!AutomationEnvelope.Matches(record))
        {
            return NormalizeIncident(record, raw, path: "");
        }

        var envelope = AutomationEnvelope.Read(record);
        if (envelope.IsAlert)
        {
            return NormalizationResult.ForAlert(ArmAlertNormalizer.NormalizeAlert(envelope.Object, raw, AutomationEnvelope.ObjectPath));
        }

        if (!envelope.IsIncident)
        {
            throw new InvalidRecordException("objectSchemaType",
                $"unsupported trigger object type '{envelope.SchemaType}'; expected Incident or Alert");
        }

        return NormalizeIncident(envelope.Object, raw, AutomationEnvelope.ObjectPath);
    }

    private static NormalizationResult NormalizeIncident(JsonElement record, RawRecordRef raw, string path)
    {
        var fields = new IncidentFields(record, path);
        var warnings = new List<string>();

        var title = fields.Text("properties.title")
            ?? throw new InvalidRecordException(fields.Path("properties.title"), "missing incident title");
        var incidentId = fields.Text("name") ?? LastSegment(fields.Text("id"))
            ?? throw new InvalidRecordException(fields.Path("name"), "missing incident name (the incident GUID)");

        var alerts = IncidentAlerts.Normalize(fields, raw, incidentId, warnings);
        var entities = ArmEntityParser.Parse(JsonFields.Items(fields.Element("properties.relatedEntities")),
            fields.Path("properties.relatedEntities"));
        warnings.AddRange(entities.Warnings);

        var incident = new ProviderIncident
        {
            Source = SourceProduct.Sentinel,
            ProviderIncidentId = incidentId,
            Title = title,
            Severity = SeverityParser.Parse(fields.Text("properties.severity")),
            Status = fields.Text("properties.status"),
            Classification = fields.Text("properties.classification"),
            CreatedAt = AlertDraft.Time(fields.Text("properties.createdTimeUtc"), fields.Path("properties.createdTimeUtc")),
            LastUpdatedAt = AlertDraft.Time(fields.Text("properties.lastModifiedTimeUtc"), fields.Path("properties.lastModifiedTimeUtc")),
            ProviderAlertIds = IncidentAlerts.ListedIds(fields, alerts),
            Entities = entities.Entities,
            Tactics = Tactics(fields, alerts, warnings),
            Warnings = warnings,
            Raw = raw,
        };

        return NormalizationResult.ForIncident(incident, alerts);
    }

    // The incident's own tactics come first, followed by tactics of carried alerts that the incident does not list.
    private static List<string> Tactics(IncidentFields fields, IReadOnlyList<NormalizedAlert> alerts, List<string> warnings)
    {
        var tactics = new List<string>();
        foreach (var text in JsonFields.Strings(fields.Element("properties.additionalData.tactics")))
        {
            if (AttackIds.TryNormalizeTactic(text, out var tactic))
            {
                AddDistinct(tactics, tactic);
            }
            else
            {
                warnings.Add($"{fields.Path("properties.additionalData.tactics")}: ignored unknown ATT&CK tactic '{text}'");
            }
        }

        foreach (var tactic in alerts.SelectMany(alert => alert.Tactics))
        {
            AddDistinct(tactics, tactic);
        }

        return tactics;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static string? LastSegment(string? resourceId)
    {
        if (resourceId is null)
        {
            return null;
        }

        var slash = resourceId.LastIndexOf('/');
        return slash < resourceId.Length - 1 ? resourceId[(slash + 1)..] : null;
    }
}
