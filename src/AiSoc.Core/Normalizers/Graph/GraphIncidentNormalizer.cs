using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Graph;

/// <summary>
/// Normalizes a Microsoft Graph security <c>incident</c> (Defender XDR). When the record was requested with
/// <c>$expand=alerts</c>, each alert in <c>alerts</c> is normalized as a Graph alert that belongs to the incident.
/// </summary>
public sealed class GraphIncidentNormalizer : IRecordNormalizer
{
    private const string ODataType = "#microsoft.graph.security.incident";

    public string Format => "graph-incident";

    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (record.Str("@odata.type") is { } odataType)
        {
            return GraphAlertNormalizer.IsODataType(odataType, ODataType);
        }

        return record.Str("incidentWebUrl") is not null
            && record.Str("displayName") is not null
            && record.Str("id") is not null
            && !record.Has("providerAlertId")
            && !record.Has("properties");
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var id = record.Str("id") ?? throw new InvalidRecordException("id", "missing incident id");
        var warnings = new List<string>();
        var alerts = ReadAlerts(record, id, raw, warnings);

        // ProviderIncident has no determination field, so a known determination is kept in the warnings.
        if (GraphAlertNormalizer.KnownValue(record.Str("determination")) is { } determination)
        {
            warnings.Add($"determination: provider determination '{determination}' has no incident field");
        }

        var incident = new ProviderIncident
        {
            Source = SourceProduct.DefenderXdr,
            ProviderIncidentId = id,
            Title = record.Str("displayName"),
            Severity = SeverityParser.Parse(record.Str("severity")),
            Status = record.Str("status"),
            Classification = GraphAlertNormalizer.KnownValue(record.Str("classification")),
            CreatedAt = AlertDraft.Time(record.Str("createdDateTime"), "createdDateTime"),
            LastUpdatedAt = AlertDraft.Time(record.Str("lastUpdateDateTime"), "lastUpdateDateTime"),
            ProviderAlertIds = AlertIds(record),
            Tactics = alerts.SelectMany(a => a.Tactics).Distinct(StringComparer.Ordinal).ToArray(),
            Warnings = warnings,
            Raw = raw,
        };

        return NormalizationResult.ForIncident(incident, alerts);
    }

    /// <summary>
    /// Normalizes the expanded alerts. An alert that cannot be normalized is left out with a warning on the
    /// incident, because the other alerts and the incident itself are still usable.
    /// </summary>
    private static List<NormalizedAlert> ReadAlerts(JsonElement record, string incidentId, RawRecordRef raw,
        List<string> warnings)
    {
        var alerts = new List<NormalizedAlert>();
        var index = -1;
        foreach (var item in JsonFields.Items(record.Get("alerts")))
        {
            index++;
            try
            {
                var alert = GraphAlertNormalizer.ToAlert(item, raw);
                alert.ProviderIncidentId = incidentId;
                alerts.Add(alert);
            }
            catch (InvalidRecordException error)
            {
                warnings.Add($"alerts[{index}]: dropped alert, {error.Message}");
            }
        }

        return alerts;
    }

    /// <summary>Lists the provider ids of every expanded alert, including those that could not be normalized.</summary>
    private static string[] AlertIds(JsonElement record)
    {
        var ids = new List<string>();
        foreach (var item in JsonFields.Items(record.Get("alerts")))
        {
            if ((item.Str("providerAlertId") ?? item.Str("id")) is { } id && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids.ToArray();
    }
}
