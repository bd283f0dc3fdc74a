using AiSoc.Core.Schema;

namespace AiSoc.Investigations;

/// <summary>One line of <c>cases.ndjson</c>: the outcome of one investigation.</summary>
public sealed record CaseRecord
{
    public required string InvestigationId { get; init; }

    public required string IncidentId { get; init; }

    public required string Title { get; init; }

    public required Verdict Verdict { get; init; }

    public double? Confidence { get; init; }

    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>Null when the incident got no plan, such as a benign incident.</summary>
    public string? PlaybookId { get; init; }

    public string? PlanHash { get; init; }

    public required IReadOnlyList<PlannedAction> PlannedActions { get; init; }

    public required IReadOnlyList<ActionOutcome> Actions { get; init; }

    /// <summary>Approval decisions: at most one per investigation in this version.</summary>
    public required IReadOnlyList<ApprovalState> Decisions { get; init; }

    /// <summary>
    /// Key of the incident in the <see cref="Ports.IInvestigationStore"/>, so a reader of the record can load its
    /// alerts. It is null in records written before the key was recorded.
    /// </summary>
    public string? TriageKey { get; init; }

    /// <summary>Incident updates the investigation received, in every stage.</summary>
    public int IncidentUpdateCount { get; init; }

    /// <summary>Delivery times of the newest <see cref="IncidentUpdateLog.MaxTimes"/> incident updates, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> IncidentUpdateTimes { get; init; } = [];

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
