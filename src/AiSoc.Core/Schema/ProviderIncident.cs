namespace AiSoc.Core.Schema;

/// <summary>
/// An incident as a provider (Sentinel or Defender XDR) grouped it. Correlation may merge provider incidents
/// but never splits one.
/// </summary>
public sealed record ProviderIncident
{
    public required string Source { get; init; }

    public required string ProviderIncidentId { get; init; }

    public string? Title { get; init; }

    public Severity Severity { get; init; }

    public string? Status { get; init; }

    /// <summary>Analyst classification when the incident is closed, such as TruePositive or FalsePositive.</summary>
    public string? Classification { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? LastUpdatedAt { get; init; }

    /// <summary>Provider alert ids the incident lists, including alerts whose bodies the record did not carry.</summary>
    public IReadOnlyList<string> ProviderAlertIds { get; init; } = [];

    /// <summary>Entities listed on the incident itself.</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public IReadOnlyList<string> Tactics { get; init; } = [];

    /// <summary>Provider-specific fields kept as text, such as the incident number, owner or event type.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required RawRecordRef Raw { get; init; }
}
