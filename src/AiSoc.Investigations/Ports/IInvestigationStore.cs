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
public sealed record StoredIncident(IncidentSummary Incident, IReadOnlyList<NormalizedAlert> Alerts);
