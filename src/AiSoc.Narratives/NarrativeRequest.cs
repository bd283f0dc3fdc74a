using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Narratives;

/// <summary>The evidence a narrative is written from: one incident, its alerts and the policy's proposed actions.</summary>
/// <param name="Incident">The correlated incident.</param>
/// <param name="Alerts">The incident's alerts. Their text fields are attacker-controlled.</param>
/// <param name="ProposedActions">The policy's plan, empty when the policy proposes nothing.</param>
public sealed record NarrativeRequest(
    IncidentSummary Incident,
    IReadOnlyList<NormalizedAlert> Alerts,
    IReadOnlyList<ProposedAction> ProposedActions)
{
    /// <summary>Creates a request with no proposed actions.</summary>
    public NarrativeRequest(IncidentSummary incident, IReadOnlyList<NormalizedAlert> alerts)
        : this(incident, alerts, [])
    {
    }
}
