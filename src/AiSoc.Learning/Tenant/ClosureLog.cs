using System.Collections.Concurrent;
using AiSoc.Core.Schema;
using AiSoc.Learning.Data;

namespace AiSoc.Learning.Tenant;

/// <summary>
/// The verdict closures seen during ingestion, per provider incident and per provider alert, and which incident
/// lists which alert. Ingestion workers write to it in parallel; when a record has several versions, the newest
/// by modification time wins.
/// </summary>
public sealed class ClosureLog
{
    private readonly ConcurrentDictionary<string, VerdictClosure> _incidents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Source, string AlertId), VerdictClosure> _alerts = new();
    private readonly ConcurrentDictionary<string, string> _incidentOfAlert = new(StringComparer.Ordinal);

    /// <summary>Stores the closure of a provider incident and the alert ids it lists.</summary>
    public void AddIncident(ProviderIncident incident, VerdictClosure closure)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(closure);

        _incidents.AddOrUpdate(incident.ProviderIncidentId, closure, (_, existing) => Newer(existing, closure));
        foreach (var alertId in incident.ProviderAlertIds)
        {
            _incidentOfAlert.TryAdd(alertId, incident.ProviderIncidentId);
        }
    }

    /// <summary>Stores the closure of a provider alert that carries its own classification.</summary>
    public void AddAlert(NormalizedAlert alert, VerdictClosure closure)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(closure);

        _alerts.AddOrUpdate((alert.Source, alert.ProviderAlertId), closure, (_, existing) => Newer(existing, closure));
    }

    /// <summary>
    /// Applies <see cref="HumanVerdictRule"/> to the alert's own classification when it has one, else to the
    /// classification of its provider incident (by the alert's incident id, or by the incident that lists it).
    /// </summary>
    public LabelOutcome LabelOf(NormalizedAlert alert, out IncidentGrade grade)
    {
        ArgumentNullException.ThrowIfNull(alert);

        grade = default;
        if (_alerts.TryGetValue((alert.Source, alert.ProviderAlertId), out var own))
        {
            var outcome = HumanVerdictRule.Evaluate(own, out grade);
            if (outcome != LabelOutcome.Unlabelled)
            {
                return outcome;
            }
        }

        var incidentId = alert.ProviderIncidentId ?? _incidentOfAlert.GetValueOrDefault(alert.ProviderAlertId);
        if (incidentId is not null && _incidents.TryGetValue(incidentId, out var incident))
        {
            return HumanVerdictRule.Evaluate(incident, out grade);
        }

        return LabelOutcome.Unlabelled;
    }

    private static VerdictClosure Newer(VerdictClosure existing, VerdictClosure candidate) =>
        (candidate.UpdatedAt ?? DateTimeOffset.MinValue) >= (existing.UpdatedAt ?? DateTimeOffset.MinValue) ? candidate : existing;
}
