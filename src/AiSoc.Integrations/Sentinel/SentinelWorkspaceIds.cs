using System.Text.RegularExpressions;

namespace AiSoc.Integrations.Sentinel;

/// <summary>Checks ARM ids of Log Analytics workspaces and of the Sentinel incidents in them.</summary>
public static partial class SentinelWorkspaceIds
{
    /// <summary>Path segment between a workspace id and an incident name.</summary>
    public const string IncidentsSegment = "/providers/Microsoft.SecurityInsights/incidents/";

    /// <summary>
    /// True for <c>/subscriptions/{guid}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}</c>,
    /// compared without regard to case as ARM compares ids. Group and workspace names follow the ARM naming rules.
    /// </summary>
    public static bool IsWorkspaceResourceId(string? value) => value is not null && WorkspacePattern().IsMatch(value);

    /// <summary>
    /// True for an incident name that is safe to put in a URL path: letters, digits, <c>-</c> and <c>_</c>, at most
    /// 128 characters. Sentinel names its incidents with GUIDs.
    /// </summary>
    public static bool IsIncidentName(string? value) => value is not null && IncidentNamePattern().IsMatch(value);

    [GeneratedRegex(@"^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/resourceGroups/[-\w.()]{1,90}/providers/Microsoft\.OperationalInsights/workspaces/[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkspacePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IncidentNamePattern();
}
