namespace AiSoc.Integrations.Sentinel;

/// <summary>
/// An incident of the configured Sentinel workspace. Only <see cref="Parse"/> creates one, so an id that a caller
/// sends can never make AiSoc read another ARM path.
/// </summary>
public sealed record SentinelIncidentId
{
    private SentinelIncidentId(string workspaceResourceId, string name)
    {
        WorkspaceResourceId = workspaceResourceId;
        Name = name;
    }

    /// <summary>ARM id of the workspace, as configured.</summary>
    public string WorkspaceResourceId { get; }

    /// <summary>The incident's <c>name</c>, a GUID for incidents that Sentinel creates.</summary>
    public string Name { get; }

    /// <summary>The incident's ARM id, built from the configured workspace and the checked name.</summary>
    public string ResourceId => WorkspaceResourceId + SentinelWorkspaceIds.IncidentsSegment + Name;

    /// <summary>
    /// Checks an incident id from a request against <paramref name="workspaceResourceId"/>. The ARM id
    /// <paramref name="resourceId"/> is used when present and must name an incident of that workspace; otherwise
    /// <paramref name="name"/> is taken as an incident of that workspace.
    /// </summary>
    /// <exception cref="SentinelIncidentIdException">The id is missing, malformed, or names another workspace.</exception>
    public static SentinelIncidentId Parse(string? resourceId, string? name, string workspaceResourceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceResourceId);
        var workspace = workspaceResourceId.Trim().TrimEnd('/');

        if (string.IsNullOrWhiteSpace(resourceId))
        {
            return FromName(name, workspace);
        }

        var id = resourceId.Trim();
        var prefix = workspace + SentinelWorkspaceIds.IncidentsSegment;
        if (!id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new SentinelIncidentIdException(
                $"Incident id '{id}' is not an incident of the configured workspace '{workspace}' (Integrations:Sentinel:WorkspaceResourceId); "
                + "AiSoc reads incidents of that workspace only.");
        }

        var incidentName = id[prefix.Length..];
        if (!SentinelWorkspaceIds.IsIncidentName(incidentName))
        {
            throw new SentinelIncidentIdException(
                $"Incident id '{id}' is invalid: the incident name after '{SentinelWorkspaceIds.IncidentsSegment.TrimEnd('/')}' must be 1 to 128 letters, digits, '-' or '_'.");
        }

        return new SentinelIncidentId(workspace, incidentName);
    }

    private static SentinelIncidentId FromName(string? name, string workspace)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SentinelIncidentIdException("Incident id is missing: send the incident's ARM id ('object.id' or 'id') or its name.");
        }

        var trimmed = name.Trim();
        if (!SentinelWorkspaceIds.IsIncidentName(trimmed))
        {
            throw new SentinelIncidentIdException($"Incident name '{trimmed}' is invalid: use 1 to 128 letters, digits, '-' or '_'.");
        }

        return new SentinelIncidentId(workspace, trimmed);
    }
}
