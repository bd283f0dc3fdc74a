using System.Globalization;
using System.Text.Json.Nodes;

namespace AiSoc.FakeTenant;

/// <summary>A Microsoft Sentinel incident the fake ARM API serves.</summary>
public sealed class FakeSentinelIncident
{
    public required string WorkspacePath { get; init; }

    public required string Name { get; init; }

    public string Title { get; set; } = "Test incident";

    public string Severity { get; set; } = "Medium";

    public string Status { get; set; } = "New";

    public string? Classification { get; set; }

    public string? ClassificationReason { get; set; }

    public string? OwnerUpn { get; set; }

    public List<string> Labels { get; } = [];

    /// <summary>Changes on every update, as ARM's ETag does.</summary>
    public int Version { get; set; } = 1;

    public string ETag => "\"" + Version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Comment messages by comment id.</summary>
    public Dictionary<string, string> Comments { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Incident properties that the fake returns on GET but does not model, such as times, description and
    /// <c>additionalData</c>. The modeled properties above replace the same names.
    /// </summary>
    public JsonObject UnmodeledProperties { get; } = [];

    /// <summary>ARM <c>SecurityAlert</c> resources that "Incidents - List Alerts" returns.</summary>
    public List<JsonObject> Alerts { get; } = [];

    /// <summary>ARM entity resources that "Incidents - List Entities" returns.</summary>
    public List<JsonObject> Entities { get; } = [];
}

/// <summary>
/// A loopback Azure Resource Manager fake for Microsoft Sentinel incidents, incident comments and the incident's
/// alert and entity lists (<c>Microsoft.SecurityInsights</c>, api-version 2024-09-01). A PUT with a stale ETag gets 412.
/// </summary>
public sealed class FakeArmServer(int port = 0) : LoopbackServer(port)
{
    /// <summary>The only api-version the fake accepts.</summary>
    public const string ApiVersion = "2024-09-01";

    private const string IncidentsSegment = "/providers/Microsoft.SecurityInsights/incidents/";

    private readonly List<FakeSentinelIncident> incidents = [];

    /// <summary>
    /// Number of incident reads after which another editor changes the incident, so a PUT with the ETag just read
    /// gets 412 Precondition Failed.
    /// </summary>
    public int ConcurrentEditsAfterRead { get; set; }

    /// <summary>Adds an incident of the workspace with ARM id <paramref name="workspacePath"/>.</summary>
    public FakeSentinelIncident AddIncident(string workspacePath, string name, string title = "Test incident")
    {
        var incident = new FakeSentinelIncident { WorkspacePath = workspacePath.TrimEnd('/'), Name = name, Title = title };
        incidents.Add(incident);
        return incident;
    }

    /// <summary>
    /// Adds an incident from an ARM incident resource as "Incidents - Get" returns it (<c>name</c> and
    /// <c>properties</c>), keeping every property it does not model in <see cref="FakeSentinelIncident.UnmodeledProperties"/>.
    /// </summary>
    public FakeSentinelIncident AddIncident(string workspacePath, JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);

        var name = resource["name"]?.GetValue<string>() ?? throw new ArgumentException("The incident resource has no 'name'.", nameof(resource));
        var properties = resource["properties"] as JsonObject ?? throw new ArgumentException("The incident resource has no 'properties' object.", nameof(resource));
        var incident = AddIncident(workspacePath, name, properties["title"]?.GetValue<string>() ?? "Test incident");
        incident.Severity = properties["severity"]?.GetValue<string>() ?? incident.Severity;
        incident.Status = properties["status"]?.GetValue<string>() ?? incident.Status;
        incident.Classification = properties["classification"]?.GetValue<string>();
        incident.ClassificationReason = properties["classificationReason"]?.GetValue<string>();
        incident.OwnerUpn = properties["owner"]?["userPrincipalName"]?.GetValue<string>();
        foreach (var label in properties["labels"]?.AsArray() ?? [])
        {
            incident.Labels.Add(label!["labelName"]!.GetValue<string>());
        }

        foreach (var (key, value) in properties)
        {
            incident.UnmodeledProperties[key] = value?.DeepClone();
        }

        return incident;
    }

    public IReadOnlyList<FakeSentinelIncident> Incidents => incidents;

    public FakeSentinelIncident Incident(string name) => incidents.Single(incident => incident.Name == name);

    protected override (int Status, object? Body) Handle(RecordedRequest request)
    {
        if (!request.Query.TryGetValue("api-version", out var version) || version != ApiVersion)
        {
            return (400, ErrorBody("InvalidApiVersionParameter", $"The api-version '{version}' is invalid. This fake accepts {ApiVersion}."));
        }

        var at = request.Path.IndexOf(IncidentsSegment, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return NotFound(request.Path);
        }

        var workspace = request.Path[..at];
        var rest = request.Path[(at + IncidentsSegment.Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var incident = rest.Length > 0
            ? incidents.FirstOrDefault(candidate => string.Equals(candidate.WorkspacePath, workspace, StringComparison.OrdinalIgnoreCase) && candidate.Name == rest[0])
            : null;
        if (incident is null)
        {
            return NotFound(request.Path);
        }

        return (request.Method, rest) switch
        {
            ("GET", [_]) => Read(incident),
            ("PUT", [_]) => Update(incident, request),
            ("GET", [_, "comments", var id]) => incident.Comments.TryGetValue(id, out var message) ? (200, CommentJson(incident, id, message)) : NotFound(id),
            ("PUT", [_, "comments", var id]) => PutComment(incident, id, request),
            ("POST", [_, "alerts"]) => (200, new JsonObject { ["value"] = new JsonArray([.. incident.Alerts.Select(alert => alert.DeepClone())]) }),
            ("POST", [_, "entities"]) => (200, EntitiesJson(incident)),
            _ => NotFound(request.Path),
        };
    }

    private (int, object?) Read(FakeSentinelIncident incident)
    {
        var body = ToJson(incident);
        if (ConcurrentEditsAfterRead > 0)
        {
            ConcurrentEditsAfterRead--;
            incident.Version++;
        }

        return (200, body);
    }

    private static (int, object?) Update(FakeSentinelIncident incident, RecordedRequest request)
    {
        var json = request.Json;
        var etag = json?["etag"]?.GetValue<string>();
        if (etag is not null && etag != incident.ETag)
        {
            return (412, new { error = new { code = "PreconditionFailed", message = $"The ETag {etag} does not match the incident's current ETag {incident.ETag}." } });
        }

        var properties = json?["properties"];
        if (properties?["title"] is null || properties["severity"] is null || properties["status"] is null)
        {
            return (400, new { error = new { code = "BadRequest", message = "properties.title, properties.severity and properties.status are required." } });
        }

        incident.Title = properties["title"]!.GetValue<string>();
        incident.Severity = properties["severity"]!.GetValue<string>();
        incident.Status = properties["status"]!.GetValue<string>();
        incident.Classification = properties["classification"]?.GetValue<string>();
        incident.ClassificationReason = properties["classificationReason"]?.GetValue<string>();
        incident.OwnerUpn = properties["owner"]?["userPrincipalName"]?.GetValue<string>();
        incident.Labels.Clear();
        foreach (var label in properties["labels"]?.AsArray() ?? [])
        {
            incident.Labels.Add(label!["labelName"]!.GetValue<string>());
        }

        incident.Version++;
        return (200, ToJson(incident));
    }

    private static (int, object?) PutComment(FakeSentinelIncident incident, string id, RecordedRequest request)
    {
        var message = request.Json?["properties"]?["message"]?.GetValue<string>();
        if (message is null)
        {
            return (400, new { error = new { code = "BadRequest", message = "properties.message is required." } });
        }

        var created = !incident.Comments.ContainsKey(id);
        incident.Comments[id] = message;
        return (created ? 201 : 200, CommentJson(incident, id, message));
    }

    private (int, object?) NotFound(string what) => (404, ErrorBody("NotFound", $"'{what}' was not found."));

    private static JsonObject ToJson(FakeSentinelIncident incident)
    {
        var labels = new JsonArray();
        foreach (var label in incident.Labels)
        {
            labels.Add(new JsonObject { ["labelName"] = label, ["labelType"] = "User" });
        }

        var properties = incident.UnmodeledProperties.DeepClone().AsObject();
        var owner = properties["owner"] as JsonObject ?? [];
        owner["userPrincipalName"] = incident.OwnerUpn;
        properties["title"] = incident.Title;
        properties["severity"] = incident.Severity;
        properties["status"] = incident.Status;
        properties["classification"] = incident.Classification;
        properties["classificationReason"] = incident.ClassificationReason;
        properties["owner"] = owner;
        properties["labels"] = labels;

        return new JsonObject
        {
            ["id"] = incident.WorkspacePath + IncidentsSegment + incident.Name,
            ["name"] = incident.Name,
            ["type"] = "Microsoft.SecurityInsights/Incidents",
            ["etag"] = incident.ETag,
            ["properties"] = properties,
        };
    }

    // "Incidents - List Entities" returns the entities and a count per entity kind.
    private static JsonObject EntitiesJson(FakeSentinelIncident incident)
    {
        var counts = new JsonArray();
        foreach (var group in incident.Entities.GroupBy(entity => entity["kind"]?.GetValue<string>() ?? "Unknown", StringComparer.Ordinal))
        {
            counts.Add(new JsonObject { ["entityKind"] = group.Key, ["count"] = group.Count() });
        }

        return new JsonObject
        {
            ["entities"] = new JsonArray([.. incident.Entities.Select(entity => entity.DeepClone())]),
            ["metaData"] = counts,
        };
    }

    private static JsonObject CommentJson(FakeSentinelIncident incident, string id, string message) => new()
    {
        ["id"] = incident.WorkspacePath + IncidentsSegment + incident.Name + "/comments/" + id,
        ["name"] = id,
        ["type"] = "Microsoft.SecurityInsights/Incidents/Comments",
        ["properties"] = new JsonObject { ["message"] = message },
    };
}
