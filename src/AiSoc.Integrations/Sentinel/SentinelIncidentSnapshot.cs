using System.Text.Json.Nodes;

namespace AiSoc.Integrations.Sentinel;

/// <summary>A Sentinel incident as ARM returned it, with its alerts and entities.</summary>
/// <param name="Id">The incident that was read.</param>
/// <param name="Incident">The incident resource of "Incidents - Get".</param>
/// <param name="Alerts">The <c>SecurityAlert</c> resources of "Incidents - List Alerts".</param>
/// <param name="Entities">The entity resources of "Incidents - List Entities".</param>
public sealed record SentinelIncidentSnapshot(SentinelIncidentId Id, JsonObject Incident, IReadOnlyList<JsonObject> Alerts, IReadOnlyList<JsonObject> Entities)
{
    /// <summary>
    /// Returns a copy of the incident resource with the alerts in <c>properties.alerts</c> and the entities in
    /// <c>properties.relatedEntities</c>: the shape of the incident that a Sentinel automation rule sends, which the
    /// AiSoc.Core incident normalizer reads.
    /// </summary>
    public JsonObject ToIncidentRecord()
    {
        var record = Incident.DeepClone().AsObject();
        if (record["properties"] is not JsonObject properties)
        {
            properties = [];
            record["properties"] = properties;
        }

        properties["alerts"] = new JsonArray([.. Alerts.Select(alert => alert.DeepClone())]);
        properties["relatedEntities"] = new JsonArray([.. Entities.Select(entity => entity.DeepClone())]);
        return record;
    }
}
