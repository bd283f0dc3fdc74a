using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>Fails the first call with a transient error, then delegates.</summary>
internal sealed class FlakyEnricher(IEntityEnricher inner) : IEntityEnricher
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) == 1)
        {
            throw new HttpRequestException("simulated throttling (429)");
        }

        return inner.EnrichAsync(investigationId, entities, cancellationToken);
    }
}
