using System.Collections.Concurrent;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Stores;

/// <summary>An <see cref="IInvestigationStore"/> for one process, such as tests and the local runner.</summary>
public sealed class InMemoryInvestigationStore : IInvestigationStore
{
    private readonly ConcurrentDictionary<(string TriageKey, string IncidentId), StoredIncident> _incidents = new();

    public Task SaveAsync(string triageKey, StoredIncident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _incidents[(triageKey, incident.Incident.Id)] = incident;
        return Task.CompletedTask;
    }

    public Task<StoredIncident?> GetAsync(string triageKey, string incidentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_incidents.GetValueOrDefault((triageKey, incidentId)));
}
