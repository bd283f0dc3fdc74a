using AiSoc.Core.Response.Ports;

namespace AiSoc.Investigations;

/// <summary>The entity lookups of an investigation, with counts by status.</summary>
public sealed record EnrichmentSummary(IReadOnlyList<EntityEnrichment> Enrichments)
{
    public int Resolved => Enrichments.Count(enrichment => enrichment.Status == EnrichmentStatus.Resolved);

    public int Unresolved => Enrichments.Count(enrichment => enrichment.Status == EnrichmentStatus.Unresolved);

    public int Failed => Enrichments.Count(enrichment => enrichment.Status == EnrichmentStatus.Failed);
}
