using System.Text.Json.Serialization;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Investigations.Ports;

/// <summary>Storage of triaged incidents that investigation activities load by reference.</summary>
public interface IInvestigationStore
{
    /// <summary>Stores one triaged incident with its alerts under <paramref name="triageKey"/>, replacing an earlier copy.</summary>
    Task SaveAsync(string triageKey, StoredIncident incident, CancellationToken cancellationToken = default);

    /// <summary>Returns the incident, or null when the key or incident id is unknown.</summary>
    Task<StoredIncident?> GetAsync(string triageKey, string incidentId, CancellationToken cancellationToken = default);
}

/// <summary>A triaged incident and its scored alerts.</summary>
/// <param name="Incident">The correlated incident.</param>
/// <param name="Alerts">Its scored alerts.</param>
/// <param name="ProviderStatus">The incident's status at the provider when it was delivered, such as Sentinel's
/// <c>New</c>, <c>Active</c> or <c>Closed</c>; null for incidents that AiSoc correlated itself.</param>
public sealed record StoredIncident(IncidentSummary Incident, IReadOnlyList<NormalizedAlert> Alerts, string? ProviderStatus = null)
{
    /// <summary>
    /// True when the provider reports the incident closed: Sentinel's <c>Closed</c>, or <c>resolved</c> as the
    /// Graph security API and Defender XDR name it. Case is ignored.
    /// </summary>
    [JsonIgnore]
    public bool IsClosedAtProvider =>
        string.Equals(ProviderStatus, "Closed", StringComparison.OrdinalIgnoreCase)
        || string.Equals(ProviderStatus, "Resolved", StringComparison.OrdinalIgnoreCase);
}
