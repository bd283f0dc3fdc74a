using AiSoc.Core.Triage;

namespace AiSoc.Functions.Incidents;

/// <summary>Copies incident summaries for storage under a provider-stable id.</summary>
internal static class StoredSummary
{
    /// <summary>
    /// Returns a copy of <paramref name="summary"/> with <paramref name="id"/> and with <paramref name="notes"/>
    /// before its reasons. Triage derives an incident id from its alert ids, which changes when a re-sent incident
    /// has more alerts, so the webhook stores under an id that stays the same for every delivery.
    /// </summary>
    public static IncidentSummary WithId(IncidentSummary summary, string id, IReadOnlyList<string> notes) => new()
    {
        Id = id,
        Title = summary.Title,
        Severity = summary.Severity,
        Score = summary.Score,
        Verdict = summary.Verdict,
        FirstActivityAt = summary.FirstActivityAt,
        LastActivityAt = summary.LastActivityAt,
        AlertIds = summary.AlertIds,
        Tactics = summary.Tactics,
        Techniques = summary.Techniques,
        Sources = summary.Sources,
        ProviderIncidentIds = summary.ProviderIncidentIds,
        Timeline = summary.Timeline,
        Entities = summary.Entities,
        Reasons = [.. notes, .. summary.Reasons],
        HeldBackEntities = summary.HeldBackEntities,
    };
}
