using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;

namespace AiSoc.Investigations.Services;

/// <summary>
/// Asks each enricher in turn and returns all their results, such as Graph for accounts and applications and
/// Defender for devices, files and IP addresses. Each enricher skips the entity kinds it does not cover, so an
/// entity may have results from several sources or none.
/// </summary>
public sealed class CompositeEntityEnricher : IEntityEnricher
{
    private readonly IReadOnlyList<IEntityEnricher> _enrichers;

    public CompositeEntityEnricher(params IEntityEnricher[] enrichers)
    {
        ArgumentNullException.ThrowIfNull(enrichers);
        if (enrichers.Length == 0)
        {
            throw new ArgumentException("At least one enricher is required.", nameof(enrichers));
        }

        _enrichers = enrichers;
    }

    public async Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        var results = new List<EntityEnrichment>();
        foreach (var enricher in _enrichers)
        {
            results.AddRange(await enricher.EnrichAsync(investigationId, entities, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
