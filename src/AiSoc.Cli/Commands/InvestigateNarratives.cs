using System.Collections.Concurrent;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Narratives;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Writes one narrative per incident of a run and keeps it, so the approval card and the case report show the same
/// text and a model is called at most once per incident.
/// </summary>
internal sealed class InvestigateNarratives(INarrativeWriter writer, IInvestigationStore incidents, IReadOnlyList<InvestigationInput> inputs)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<InvestigationNarrative>>> _written = new(StringComparer.Ordinal);

    private readonly Dictionary<string, InvestigationInput> _byIncident = inputs.ToDictionary(input => input.IncidentId, StringComparer.Ordinal);

    private readonly Dictionary<string, string> _incidentByInvestigation = inputs.ToDictionary(input => input.InvestigationId, input => input.IncidentId, StringComparer.Ordinal);

    /// <summary>Returns the incident id of <paramref name="investigationId"/>.</summary>
    /// <exception cref="KeyNotFoundException">The investigation is not part of this run.</exception>
    public string IncidentOf(string investigationId) =>
        _incidentByInvestigation.TryGetValue(investigationId, out var incidentId)
            ? incidentId
            : throw new KeyNotFoundException($"Investigation {investigationId} is not part of this run.");

    /// <summary>Returns the narrative of <paramref name="incidentId"/>, writing it from <paramref name="plan"/> on the first request.</summary>
    public Task<InvestigationNarrative> GetAsync(string incidentId, IReadOnlyList<ProposedAction> plan, CancellationToken cancellationToken) =>
        _written.GetOrAdd(incidentId, id => new Lazy<Task<InvestigationNarrative>>(() => WriteAsync(id, plan, cancellationToken))).Value;

    /// <summary>Converts the investigation's planned actions into the plan a narrative may recommend from.</summary>
    public static IReadOnlyList<ProposedAction> PlanOf(IEnumerable<PlannedAction> actions) =>
        [.. actions.Select(action => new ProposedAction(action.ActionName, action.TargetDisplayName, ImpactText(action.Impact)))];

    /// <summary>Converts the actions of an approval request into the plan a narrative may recommend from.</summary>
    public static IReadOnlyList<ProposedAction> PlanOf(IEnumerable<Approvals.ApprovalAction> actions) =>
        [.. actions.Select(action => new ProposedAction(Core.Response.ActionCatalog.Name(action.Type), action.TargetDisplayName, ImpactText(action.Impact)))];

    private async Task<InvestigationNarrative> WriteAsync(string incidentId, IReadOnlyList<ProposedAction> plan, CancellationToken cancellationToken)
    {
        var triageKey = _byIncident[incidentId].TriageKey;
        var stored = await incidents.GetAsync(triageKey, incidentId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Incident {incidentId} was not found under triage key {triageKey}.");
        return await writer.WriteAsync(new NarrativeRequest(stored.Incident, stored.Alerts, plan), cancellationToken).ConfigureAwait(false);
    }

    private static string ImpactText(Core.Response.ImpactLevel impact) => impact.ToString().ToLowerInvariant();
}
