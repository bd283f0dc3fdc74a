namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>
/// The labelling fields of a provider incident that <see cref="Schema.ProviderIncident"/> does not carry: the
/// classification reason, who closed it, when, and the incident's own ATT&amp;CK techniques.
/// </summary>
public sealed record IncidentLabel
{
    public required string ProviderIncidentId { get; init; }

    /// <summary>Sentinel classificationReason or Graph determination.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>True when a label or tag marks the closure as done by automation.</summary>
    public bool ClosedByAutomation { get; init; }

    public IReadOnlyList<string> Techniques { get; init; } = [];
}
