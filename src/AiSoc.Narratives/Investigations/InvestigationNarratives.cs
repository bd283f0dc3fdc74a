using System.Collections.Concurrent;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;

namespace AiSoc.Narratives.Investigations;

/// <summary>
/// Writes one narrative per stored incident and keeps it, so the approval card and the case report show the same
/// text and a model is called at most once per incident in one process.
/// </summary>
/// <remarks>NOTE: the cache lives in one process. In a scaled-out function app, the card and the report may be
/// written on different instances, which then call the model once each.</remarks>
public sealed class InvestigationNarratives(INarrativeWriter writer, IInvestigationStore incidents)
{
    private readonly ConcurrentDictionary<(string TriageKey, string IncidentId), Lazy<Task<InvestigationNarrative>>> _written = new();

    /// <summary>
    /// Returns the narrative of the incident stored under <paramref name="triageKey"/> and <paramref name="incidentId"/>,
    /// writing it from <paramref name="plan"/> on the first request.
    /// </summary>
    public Task<InvestigationNarrative> GetAsync(string triageKey, string incidentId, IReadOnlyList<ProposedAction> plan, CancellationToken cancellationToken) =>
        _written.GetOrAdd((triageKey, incidentId), key => new Lazy<Task<InvestigationNarrative>>(() => WriteAsync(key.TriageKey, key.IncidentId, plan, cancellationToken))).Value;

    /// <summary>Converts the investigation's planned actions into the plan a narrative may recommend from.</summary>
    public static IReadOnlyList<ProposedAction> PlanOf(IEnumerable<PlannedAction> actions) =>
        [.. actions.Select(action => new ProposedAction(action.ActionName, action.TargetDisplayName, ImpactText(action.Impact)))];

    /// <summary>Converts the actions of an approval request into the plan a narrative may recommend from.</summary>
    public static IReadOnlyList<ProposedAction> PlanOf(IEnumerable<Approvals.ApprovalAction> actions) =>
        [.. actions.Select(action => new ProposedAction(Core.Response.ActionCatalog.Name(action.Type), action.TargetDisplayName, ImpactText(action.Impact)))];

    private async Task<InvestigationNarrative> WriteAsync(string triageKey, string incidentId, IReadOnlyList<ProposedAction> plan, CancellationToken cancellationToken)
    {
        var stored = await incidents.GetAsync(triageKey, incidentId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Incident {incidentId} was not found under triage key {triageKey}.");
        return await writer.WriteAsync(new NarrativeRequest(stored.Incident, stored.Alerts, plan), cancellationToken).ConfigureAwait(false);
    }

    private static string ImpactText(Core.Response.ImpactLevel impact) => impact.ToString().ToLowerInvariant();
}
