namespace AiSoc.Functions.Investigations;

/// <summary>
/// Client ids of the two user-assigned managed identities of the tenant integrations, section
/// <c>Integrations:Identities</c>: enrichment reads, containment acts and writes back.
/// </summary>
public sealed class IntegrationIdentities
{
    public const string SectionName = "Integrations:Identities";

    public string? EnrichmentClientId { get; set; }

    public string? ContainmentClientId { get; set; }

    /// <summary>True when both identities are named, so investigations may call the tenant.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(EnrichmentClientId) && !string.IsNullOrWhiteSpace(ContainmentClientId);
}
