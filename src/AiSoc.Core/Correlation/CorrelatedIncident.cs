using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>A group of alerts that share entities within the time window or a provider incident.</summary>
public sealed class CorrelatedIncident
{
    /// <summary>Stable id derived from the alert ids, so the same alerts always give the same id.</summary>
    public required string Id { get; init; }

    /// <summary>Alert ids in activity-time order, ties broken by id.</summary>
    public required IReadOnlyList<string> AlertIds { get; init; }

    /// <summary>Timeline of the alerts, in the same order as <see cref="AlertIds"/>.</summary>
    public required IReadOnlyList<TimelineEntry> Alerts { get; init; }

    /// <summary>Distinct entities of all alerts; accounts, hosts and files that share a strong key are merged into one.</summary>
    public required IReadOnlyList<Entity> Entities { get; init; }

    /// <summary>Highest severity of the alerts.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Title of the highest-severity alert (the earliest one on ties), followed by the count of the others.</summary>
    public required string Title { get; init; }

    /// <summary>ATT&amp;CK tactics of all alerts in kill-chain order; tactics outside the kill chain come last.</summary>
    public required IReadOnlyList<string> Tactics { get; init; }

    /// <summary>Distinct provider incident ids of the alerts, in ordinal order.</summary>
    public required IReadOnlyList<string> ProviderIncidentIds { get; init; }

    /// <summary>Keys of these alerts that were kept from linking, with the reason.</summary>
    public required IReadOnlyList<HeldBackEntity> HeldBackEntities { get; init; }

    /// <summary>Activity time of the first alert.</summary>
    public DateTimeOffset FirstActivityAt => Alerts[0].Time;

    /// <summary>Activity time of the last alert.</summary>
    public DateTimeOffset LastActivityAt => Alerts[^1].Time;
}
