using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSoc.FakeTenant;

/// <summary>Writes the state a run changed in a fake tenant as indented JSON, for a person or a test to read after the run.</summary>
public static class FakeTenantSnapshot
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(FakeTenantHost host)
    {
        ArgumentNullException.ThrowIfNull(host);

        var snapshot = new
        {
            users = host.Graph.Users.Select(user => new { user.Id, user.UserPrincipalName, user.AccountEnabled, user.RiskState }).ToList(),
            securityAlerts = host.Graph.Alerts.Select(alert => new { alert.Id, alert.Status, alert.Classification, alert.Determination, alert.Comments }).ToList(),
            machineActions = host.Defender.MachineActions.Select(action => new { action.Id, action.Type, action.MachineId, action.Status, action.RequestorComment }).ToList(),
            indicators = host.Defender.Indicators.Select(indicator => new JsonObject(indicator.Select(pair =>
                KeyValuePair.Create(pair.Key, JsonValue.Create(pair.Value?.ToString()) as JsonNode)))).ToList(),
            sentinelIncidents = host.Arm.Incidents.Select(incident => new
            {
                incident.Name, incident.Status, incident.Classification, incident.ClassificationReason, incident.OwnerUpn, incident.Labels, incident.Comments,
            }).ToList(),
            requests = host.Graph.Requests.Concat(host.Defender.Requests).Concat(host.Arm.Requests)
                .OrderBy(request => request.ReceivedAt)
                .Select(request => new { request.ReceivedAt, request.Method, Path = request.Path + request.RawQuery })
                .ToList(),
        };

        return JsonSerializer.Serialize(snapshot, Indented);
    }
}
