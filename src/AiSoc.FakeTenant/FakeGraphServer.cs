using System.Globalization;
using System.Text.Json.Nodes;

namespace AiSoc.FakeTenant;

/// <summary>A user the fake Graph serves.</summary>
public sealed class FakeUser
{
    public required string Id { get; init; }

    public required string UserPrincipalName { get; init; }

    public string DisplayName { get; init; } = "Test User";

    public bool AccountEnabled { get; set; } = true;

    /// <summary>Role template ids assigned directly to the user.</summary>
    public List<(string TemplateId, string Name)> Roles { get; } = [];

    public List<string> Groups { get; } = [];

    /// <summary>Identity Protection risk state, or null when the user has never been at risk.</summary>
    public string? RiskState { get; set; }
}

/// <summary>A service principal the fake Graph serves, with its delegated permission grants.</summary>
public sealed class FakeServicePrincipal
{
    public required string Id { get; init; }

    public required string AppId { get; init; }

    public bool AccountEnabled { get; set; } = true;

    public Guid AppOwnerOrganizationId { get; init; } = Guid.Parse("33333333-3333-3333-3333-333333333333");

    /// <summary>Delegated grants by grant id, each with its scope.</summary>
    public Dictionary<string, string> Grants { get; } = new(StringComparer.Ordinal);
}

/// <summary>A Microsoft Graph security alert (<c>security/alerts_v2</c>) the fake Graph serves.</summary>
public sealed class FakeSecurityAlert
{
    public required string Id { get; init; }

    public string Title { get; init; } = "Test alert";

    public string Status { get; set; } = "new";

    public string Classification { get; set; } = "unknown";

    public string Determination { get; set; } = "unknown";

    /// <summary>Comment texts in the order they were added.</summary>
    public List<string> Comments { get; } = [];
}

/// <summary>A loopback Microsoft Graph v1.0 fake with users, directory roles, groups, risky users and service principals.</summary>
public sealed class FakeGraphServer(int port = 0) : LoopbackServer(port)
{
    public const string GlobalAdministratorTemplateId = "62e90394-69f5-4237-9190-012177145e10";

    private readonly List<FakeUser> users = [];
    private readonly List<FakeServicePrincipal> principals = [];
    private readonly List<FakeSecurityAlert> alerts = [];
    private readonly SecurityFeed alertFeed = new("security/alerts_v2");
    private readonly SecurityFeed incidentFeed = new("security/incidents");

    /// <summary>The Graph service root, such as <c>http://127.0.0.1:51234/v1.0</c>.</summary>
    public Uri ServiceRoot => new(BaseAddress, "/v1.0");

    public FakeUser AddUser(string id, string upn, bool enabled = true)
    {
        var user = new FakeUser { Id = id, UserPrincipalName = upn, AccountEnabled = enabled };
        users.Add(user);
        return user;
    }

    public FakeUser User(string id) => users.Single(user => user.Id == id);

    public IReadOnlyList<FakeUser> Users => users;

    public IReadOnlyList<FakeSecurityAlert> Alerts => alerts;

    public FakeServicePrincipal AddServicePrincipal(FakeServicePrincipal principal)
    {
        principals.Add(principal);
        return principal;
    }

    public FakeSecurityAlert AddAlert(string id, string title = "Test alert")
    {
        var alert = new FakeSecurityAlert { Id = id, Title = title };
        alerts.Add(alert);
        return alert;
    }

    public FakeSecurityAlert Alert(string id) => alerts.Single(alert => alert.Id == id);

    /// <summary>
    /// Adds or replaces, by <c>id</c>, one alert that <c>GET /security/alerts_v2</c> lists. The JSON is served as it is,
    /// so a test can publish a real Graph alert and later publish a newer version of it. It needs a string
    /// <c>id</c> and <c>lastUpdateDateTime</c>.
    /// </summary>
    public void PublishSecurityAlert(string json) => Publish(alertFeed, json);

    /// <summary>
    /// Adds or replaces one incident that <c>GET /security/incidents</c> lists. Its <c>alerts</c> array is served only
    /// with <c>$expand=alerts</c>, as Graph does.
    /// </summary>
    public void PublishSecurityIncident(string json) => Publish(incidentFeed, json);

    protected override (int Status, object? Body) Handle(RecordedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        request.Query.TryGetValue("$filter", out var filter);

        return (request.Method, segments) switch
        {
            ("GET", ["users"]) => (200, Collection(users.Where(user => string.Equals(user.UserPrincipalName, FilterValue(filter, "userPrincipalName"), StringComparison.OrdinalIgnoreCase)).Select(ToJson))),
            ("GET", ["users", var id]) => Find(id) is { } user ? (200, ToJson(user)) : NotFound(id),
            ("PATCH", ["users", var id]) => Patch(id, request),
            ("POST", ["users", var id, "revokeSignInSessions"]) => Find(id) is null ? NotFound(id) : (200, new Dictionary<string, object> { ["value"] = true }),
            ("GET", ["users", var id, "memberOf"]) => Find(id) is { } user
                ? (200, Collection(user.Groups.Select(name => new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.group", ["id"] = Guid.NewGuid().ToString(), ["displayName"] = name })))
                : NotFound(id),
            ("GET", ["roleManagement", "directory", "roleAssignments"]) => (200, Collection(
                (Find(FilterValue(filter, "principalId") ?? string.Empty)?.Roles ?? []).Select(role => new
                {
                    id = Guid.NewGuid().ToString(),
                    principalId = FilterValue(filter, "principalId"),
                    roleDefinitionId = role.TemplateId,
                    roleDefinition = new { id = role.TemplateId, displayName = role.Name, templateId = role.TemplateId },
                }))),
            ("GET", ["identityProtection", "riskyUsers", var id]) => Find(id) is { RiskState: { } state }
                ? (200, new { id, riskState = state, riskLevel = state == "confirmedCompromised" ? "high" : "medium", riskDetail = "none" })
                : NotFound(id),
            ("POST", ["identityProtection", "riskyUsers", "confirmCompromised"]) => SetRisk(request, "confirmedCompromised"),
            ("POST", ["identityProtection", "riskyUsers", "dismiss"]) => SetRisk(request, "dismissed"),
            ("GET", ["identityProtection", "riskDetections"]) => (200, Collection(Array.Empty<object>())),
            ("GET", ["auditLogs", "signIns"]) => (200, Collection(Array.Empty<object>())),
            ("GET", ["servicePrincipals"]) => (200, Collection(principals.Where(principal => principal.AppId == FilterValue(filter, "appId")).Select(ToJson))),
            ("PATCH", ["servicePrincipals", var id]) => PatchPrincipal(id, request),
            ("GET", ["oauth2PermissionGrants"]) => (200, Collection(principals.Where(principal => principal.Id == FilterValue(filter, "clientId"))
                .SelectMany(principal => principal.Grants.Select(grant => new { id = grant.Key, clientId = principal.Id, consentType = "AllPrincipals", resourceId = "44444444-4444-4444-4444-444444444444", scope = grant.Value })))),
            ("GET", ["security", "alerts_v2"]) => ListChanged(alertFeed, request, expandable: null),
            ("GET", ["security", "incidents"]) => ListChanged(incidentFeed, request, expandable: "alerts"),
            ("GET", ["security", "alerts_v2", var id]) => FindAlert(id) is { } alert ? (200, ToJson(alert)) : NotFound(id),
            ("PATCH", ["security", "alerts_v2", var id]) => PatchAlert(id, request),
            ("POST", ["security", "alerts_v2", var id, "comments"]) => CommentAlert(id, request),
            ("DELETE", ["oauth2PermissionGrants", var id]) => principals.Any(principal => principal.Grants.Remove(id)) ? (204, null) : NotFound(id),
            _ => (404, ErrorBody("Request_ResourceNotFound", $"No fake route for {request.Method} {request.Path}.")),
        };
    }

    private static void Publish(SecurityFeed feed, string json)
    {
        var item = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("The item is not a JSON object.", nameof(json));
        var id = item["id"]?.GetValue<string>() ?? throw new ArgumentException("The published item is missing a string id.", nameof(json));
        _ = LastUpdate(item);
        lock (feed)
        {
            feed.Items[id] = item;
        }
    }

    /// <summary>
    /// Lists the items with <c>lastUpdateDateTime</c> at or after the <c>$filter</c> time, newest first like Graph,
    /// <c>$top</c> per page (default 100) with a <c>$skiptoken</c> offset in <c>@odata.nextLink</c>.
    /// </summary>
    private (int, object?) ListChanged(SecurityFeed feed, RecordedRequest request, string? expandable)
    {
        request.Query.TryGetValue("$filter", out var filter);
        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(filter))
        {
            const string Prefix = "lastUpdateDateTime ge ";
            if (!filter.StartsWith(Prefix, StringComparison.Ordinal)
                || !DateTimeOffset.TryParse(filter[Prefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (400, ErrorBody("BadRequest", $"The fake supports only $filter=lastUpdateDateTime ge {{time}}, not '{filter}'."));
            }

            since = parsed;
        }

        var top = 100;
        if (request.Query.TryGetValue("$top", out var topText) && (!int.TryParse(topText, CultureInfo.InvariantCulture, out top) || top < 1))
        {
            return (400, ErrorBody("BadRequest", $"Invalid $top '{topText}'."));
        }

        var skip = 0;
        if (request.Query.TryGetValue("$skiptoken", out var skipText) && (!int.TryParse(skipText, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            return (400, ErrorBody("BadRequest", $"Invalid $skiptoken '{skipText}'."));
        }

        request.Query.TryGetValue("$expand", out var expand);
        var expanded = expandable is not null && expand is not null && expand.Split(',').Contains(expandable, StringComparer.Ordinal);

        List<JsonObject> matching;
        lock (feed)
        {
            matching = [.. feed.Items.Values
                .Where(item => since is null || LastUpdate(item) >= since)
                .OrderByDescending(LastUpdate)
                .ThenBy(item => item["id"]!.GetValue<string>(), StringComparer.Ordinal)
                .Select(item => (JsonObject)item.DeepClone())];
        }

        var page = new JsonArray();
        foreach (var item in matching.Skip(skip).Take(top))
        {
            if (expandable is not null && !expanded)
            {
                item.Remove(expandable);
            }

            page.Add(item);
        }

        var body = new JsonObject
        {
            ["@odata.context"] = new Uri(ServiceRoot, $"/v1.0/$metadata#{feed.Path}").ToString(),
            ["value"] = page,
        };
        if (skip + top < matching.Count)
        {
            body["@odata.nextLink"] = NextLink(feed, request, skip + top);
        }

        return (200, new RawJson(body.ToJsonString()));
    }

    private string NextLink(SecurityFeed feed, RecordedRequest request, int skip)
    {
        var query = request.Query
            .Where(pair => pair.Key != "$skiptoken")
            .Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value))
            .Append("$skiptoken=" + skip.ToString(CultureInfo.InvariantCulture));
        return new Uri(BaseAddress, $"/v1.0/{feed.Path}?{string.Join('&', query)}").ToString();
    }

    private static DateTimeOffset LastUpdate(JsonObject item) =>
        DateTimeOffset.Parse(
            item["lastUpdateDateTime"]?.GetValue<string>() ?? throw new ArgumentException($"Item {item["id"]} is missing lastUpdateDateTime."),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);

    private FakeSecurityAlert? FindAlert(string id) => alerts.FirstOrDefault(alert => alert.Id == id);

    private (int, object?) PatchAlert(string id, RecordedRequest request)
    {
        var alert = FindAlert(id);
        if (alert is null)
        {
            return NotFound(id);
        }

        var json = request.Json;
        alert.Status = json?["status"]?.GetValue<string>() ?? alert.Status;
        alert.Classification = json?["classification"]?.GetValue<string>() ?? alert.Classification;
        alert.Determination = json?["determination"]?.GetValue<string>() ?? alert.Determination;
        return (200, ToJson(alert));
    }

    private (int, object?) CommentAlert(string id, RecordedRequest request)
    {
        var alert = FindAlert(id);
        var text = request.Json?["comment"]?.GetValue<string>();
        if (alert is null)
        {
            return NotFound(id);
        }

        if (text is null)
        {
            return (400, ErrorBody("BadRequest", "The request body has no comment."));
        }

        alert.Comments.Add(text);
        return (200, Collection(alert.Comments.Select(CommentJson)));
    }

    private static Dictionary<string, object?> CommentJson(string text) => new()
    {
        ["@odata.type"] = "microsoft.graph.security.alertComment",
        ["comment"] = text,
        ["createdByDisplayName"] = "AiSoc",
        ["createdDateTime"] = "2026-11-02T12:00:00Z",
    };

    private static Dictionary<string, object?> ToJson(FakeSecurityAlert alert) => new()
    {
        ["id"] = alert.Id,
        ["title"] = alert.Title,
        ["status"] = alert.Status,
        ["classification"] = alert.Classification,
        ["determination"] = alert.Determination,
        ["comments"] = alert.Comments.Select(CommentJson).ToList(),
    };

    private FakeUser? Find(string id) => users.FirstOrDefault(user => user.Id == id);

    private (int, object?) NotFound(string id) => (404, ErrorBody("Request_ResourceNotFound", $"Resource '{id}' does not exist."));

    private (int, object?) Patch(string id, RecordedRequest request)
    {
        var user = Find(id);
        if (user is null)
        {
            return NotFound(id);
        }

        if (request.Json?["accountEnabled"] is { } enabled)
        {
            user.AccountEnabled = enabled.GetValue<bool>();
        }

        return (204, null);
    }

    private (int, object?) PatchPrincipal(string id, RecordedRequest request)
    {
        var principal = principals.FirstOrDefault(candidate => candidate.Id == id);
        if (principal is null)
        {
            return NotFound(id);
        }

        if (request.Json?["accountEnabled"] is { } enabled)
        {
            principal.AccountEnabled = enabled.GetValue<bool>();
        }

        return (204, null);
    }

    private static object ToJson(FakeServicePrincipal principal) => new
    {
        id = principal.Id,
        appId = principal.AppId,
        displayName = "Consent phishing app",
        accountEnabled = principal.AccountEnabled,
        appOwnerOrganizationId = principal.AppOwnerOrganizationId,
        servicePrincipalType = "Application",
    };

    private (int, object?) SetRisk(RecordedRequest request, string state)
    {
        foreach (var id in request.Json?["userIds"]?.AsArray() ?? [])
        {
            if (Find(id!.GetValue<string>()) is { } user)
            {
                user.RiskState = state;
            }
        }

        return (204, null);
    }

    private static object ToJson(FakeUser user) => new
    {
        id = user.Id,
        userPrincipalName = user.UserPrincipalName,
        displayName = user.DisplayName,
        accountEnabled = user.AccountEnabled,
        userType = user.UserPrincipalName.Contains("#EXT#", StringComparison.Ordinal) ? "Guest" : "Member",
    };

    private static Dictionary<string, object> Collection<T>(IEnumerable<T> items) => new Dictionary<string, object> { ["value"] = items.ToList() };

    /// <summary>The items of one listed collection, by id.</summary>
    private sealed record SecurityFeed(string Path)
    {
        public Dictionary<string, JsonObject> Items { get; } = new(StringComparer.Ordinal);
    }
}
