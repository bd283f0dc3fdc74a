namespace AiSoc.Functions.Graph;

/// <summary>The Microsoft Graph security collections the poller reads.</summary>
public enum GraphSecurityResource
{
    /// <summary><c>GET /security/alerts_v2</c>.</summary>
    Alerts,

    /// <summary><c>GET /security/incidents</c>.</summary>
    Incidents,
}
