using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>Reads the alerts an incident record carries or lists.</summary>
internal static class IncidentAlerts
{
    /// <summary>
    /// Normalizes the ARM SecurityAlert objects in <c>properties.alerts</c>. A bad alert is left out with a warning
    /// on the incident, so the incident and its other alerts are kept. The incident's entities are not copied into
    /// the alerts, which keep only their own.
    /// </summary>
    public static List<NormalizedAlert> Normalize(IncidentFields fields, RawRecordRef raw, string incidentId, List<string> warnings)
    {
        var alerts = new List<NormalizedAlert>();
        var index = 0;
        foreach (var item in JsonFields.Items(fields.Element("properties.alerts")))
        {
            var itemPath = fields.Path($"properties.alerts[{index}].");
            try
            {
                var alert = ArmAlertNormalizer.NormalizeAlert(item, raw with { Item = index }, itemPath);
                alert.ProviderIncidentId = incidentId;
                alerts.Add(alert);
            }
            catch (InvalidRecordException ex)
            {
                warnings.Add($"{itemPath.TrimEnd('.')}: dropped alert, {ex.Message}");
            }

            index++;
        }

        return alerts;
    }

    /// <summary>
    /// Returns the provider alert ids of the carried alerts and of the flattened export's
    /// <c>"Alerts": [{"ID", "Name"}]</c> list, without duplicates.
    /// </summary>
    public static List<string> ListedIds(IncidentFields fields, IReadOnlyList<NormalizedAlert> alerts)
    {
        var ids = new List<string>();
        foreach (var alert in alerts)
        {
            AddDistinct(ids, alert.ProviderAlertId);
        }

        foreach (var listed in JsonFields.Items(fields.Element("Alerts")))
        {
            if (listed.Str("ID") is { } id)
            {
                AddDistinct(ids, id);
            }
        }

        return ids;
    }

    private static void AddDistinct(List<string> ids, string id)
    {
        if (!ids.Contains(id, StringComparer.OrdinalIgnoreCase))
        {
            ids.Add(id);
        }
    }
}
