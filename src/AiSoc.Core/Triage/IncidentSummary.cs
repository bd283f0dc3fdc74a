using AiSoc.Core.Correlation;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Triage;

/// <summary>
/// A correlated incident as written to <c>incidents.json</c>: its alerts in time order with their tactics (the
/// attack chain), its entities, and the strongest verdict among its alerts.
/// </summary>
public sealed class IncidentSummary
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required int Score { get; init; }

    public required Verdict Verdict { get; init; }

    public required DateTimeOffset FirstActivityAt { get; init; }

    public required DateTimeOffset LastActivityAt { get; init; }

    public required IReadOnlyList<string> AlertIds { get; init; }

    public required IReadOnlyList<string> Tactics { get; init; }

    public required IReadOnlyList<string> Techniques { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    public required IReadOnlyList<string> ProviderIncidentIds { get; init; }

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    public required IReadOnlyList<Entity> Entities { get; init; }

    /// <summary>Reasons of the highest-scoring alert, which decided the incident's score.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Entities that this incident's alerts share but that were kept from linking, and why.</summary>
    public required IReadOnlyList<HeldBackEntity> HeldBackEntities { get; init; }
}
