namespace AiSoc.Integrations.Tests.Fakes;

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

/// <summary>A loopback Microsoft Graph v1.0 fake with users, directory roles, groups, risky users and service principals.</summary>
public sealed class FakeGraphServer : LoopbackServer
{
    public const string GlobalAdministratorTemplateId = "62e90394-69f5-4237-9190-012177145e10";

    private readonly List<FakeUser> users = [];
    private readonly List<FakeServicePrincipal> principals = [];

    /// <summary>The Graph service root, such as <c>http://127.0.0.1:51234/v1.0</c>.</summary>
    public Uri ServiceRoot => new(BaseAddress, "/v1.0");

    public FakeUser AddUser(string id, string upn, bool enabled = true)
    {
        var user = new FakeUser { Id = id, UserPrincipalName = upn, AccountEnabled = enabled };
        users.Add(user);
        return user;
    }

    public FakeUser User(string id) => users.Single(user => user.Id == id);

    public FakeServicePrincipal AddServicePrincipal(FakeServicePrincipal principal)
    {
        principals.Add(principal);
        return principal;
    }

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
            ("DELETE", ["oauth2PermissionGrants", var id]) => principals.Any(principal => principal.Grants.Remove(id)) ? (204, null) : NotFound(id),
            _ => (404, ErrorBody("Request_ResourceNotFound", $"No fake route for {request.Method} {request.Path}.")),
        };
    }

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
}
