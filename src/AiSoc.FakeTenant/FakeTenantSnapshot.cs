using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSoc.FakeTenant;

/// <summary>
/// Saves the state a run changed in a fake tenant as indented JSON, and applies a saved snapshot to a freshly seeded
/// tenant, so <c>aisoc fake-tenant --state</c> keeps accounts, machine actions, indicators, alerts and incidents across
/// restarts. The request log is saved for reading but not restored.
/// </summary>
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

    /// <summary>Applies a snapshot written by <see cref="ToJson"/> to <paramref name="host"/>, which contains the lab tenant.</summary>
    /// <exception cref="InvalidDataException">The snapshot is not valid JSON of that shape. The message names the file, the list and the record.</exception>
    public static void Apply(FakeTenantHost host, string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(host);

        JsonNode root;
        try
        {
            root = JsonNode.Parse(json) ?? throw new InvalidDataException($"{sourceName}: expected a JSON object, found null.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{sourceName}: invalid JSON: {error.Message}", error);
        }

        ApplyEach(root, "users", sourceName, saved => ApplyUser(host, saved));
        ApplyEach(root, "securityAlerts", sourceName, saved => ApplyAlert(host, saved));
        ApplyEach(root, "machineActions", sourceName, saved => ApplyMachineAction(host, saved));
        ApplyEach(root, "indicators", sourceName, saved => ApplyIndicator(host, saved));
        ApplyEach(root, "sentinelIncidents", sourceName, saved => ApplyIncident(host, saved));
    }

    private static void ApplyEach(JsonNode root, string list, string sourceName, Action<JsonNode> apply)
    {
        var items = root[list] as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                apply(items[i] ?? throw new InvalidOperationException("the record is null"));
            }
            catch (Exception error) when (error is InvalidOperationException or FormatException or NullReferenceException)
            {
                throw new InvalidDataException($"{sourceName}: {list}[{i}]: a field is missing or has the wrong type: {error.Message}", error);
            }
        }
    }

    private static void ApplyUser(FakeTenantHost host, JsonNode saved)
    {
        var user = host.Graph.Users.FirstOrDefault(candidate => candidate.Id == Text(saved, "id"));
        if (user is not null)
        {
            user.AccountEnabled = saved["accountEnabled"]!.GetValue<bool>();
            user.RiskState = Text(saved, "riskState");
        }
    }

    private static void ApplyAlert(FakeTenantHost host, JsonNode saved)
    {
        var alert = host.Graph.Alerts.FirstOrDefault(candidate => candidate.Id == Text(saved, "id"));
        if (alert is null)
        {
            return;
        }

        alert.Status = Text(saved, "status") ?? alert.Status;
        alert.Classification = Text(saved, "classification") ?? alert.Classification;
        alert.Determination = Text(saved, "determination") ?? alert.Determination;
        alert.Comments.Clear();
        alert.Comments.AddRange((saved["comments"]?.AsArray() ?? []).Select(comment => comment!.GetValue<string>()));
    }

    private static void ApplyMachineAction(FakeTenantHost host, JsonNode saved) =>
        host.Defender.MachineActions.Add(new FakeMachineAction
        {
            Id = Text(saved, "id") ?? Guid.NewGuid().ToString(),
            Type = Text(saved, "type") ?? throw new InvalidOperationException("type is missing"),
            MachineId = Text(saved, "machineId") ?? throw new InvalidOperationException("machineId is missing"),
            Status = Text(saved, "status") ?? "Pending",
            RequestorComment = Text(saved, "requestorComment"),
        });

    private static void ApplyIndicator(FakeTenantHost host, JsonNode saved) =>
        host.Defender.Indicators.Add(saved.AsObject().ToDictionary(pair => pair.Key, pair => (object?)pair.Value?.GetValue<string>()));

    private static void ApplyIncident(FakeTenantHost host, JsonNode saved)
    {
        var incident = host.Arm.Incidents.FirstOrDefault(candidate => candidate.Name == Text(saved, "name"));
        if (incident is null)
        {
            return;
        }

        incident.Status = Text(saved, "status") ?? incident.Status;
        incident.Classification = Text(saved, "classification");
        incident.ClassificationReason = Text(saved, "classificationReason");
        incident.OwnerUpn = Text(saved, "ownerUpn");
        incident.Labels.Clear();
        incident.Labels.AddRange((saved["labels"]?.AsArray() ?? []).Select(label => label!.GetValue<string>()));
        incident.Comments.Clear();
        foreach (var (id, message) in saved["comments"]?.AsObject() ?? [])
        {
            incident.Comments[id] = message!.GetValue<string>();
        }

        // A restored incident has changed, so its ETag moves on from the seeded one.
        incident.Version++;
    }

    private static string? Text(JsonNode? node, string name) => node?[name]?.GetValue<string>();
}
