using AiSoc.Core.Schema;

namespace AiSoc.Functions.Ingestion;

/// <summary>What one event became: alerts, provider incidents, and the items that could not be normalized.</summary>
public sealed class EventNormalization
{
    public List<NormalizedAlert> Alerts { get; } = [];

    public List<ProviderIncident> Incidents { get; } = [];

    public List<RejectedItem> Rejects { get; } = [];
}

/// <summary>An event or container item that did not become an alert, and why.</summary>
/// <param name="Item">Zero-based index inside a container event; null when the whole event is at fault.</param>
/// <param name="Reason">What is wrong, naming the field when one field is at fault.</param>
/// <param name="Format">The format the record was recognized as, when one was.</param>
public sealed record RejectedItem(int? Item, string Reason, string? Format);
