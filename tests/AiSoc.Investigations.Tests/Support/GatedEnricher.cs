using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>Holds every lookup until <see cref="Release"/> is called, then delegates; counts the calls.</summary>
internal sealed class GatedEnricher(IEntityEnricher inner) : IEntityEnricher
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _gate.TrySetResult();

    public async Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await _gate.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return await inner.EnrichAsync(investigationId, entities, cancellationToken);
    }
}
