using Microsoft.DurableTask;

namespace AiSoc.Investigations;

/// <summary>
/// Receives the <see cref="InvestigationOrchestrator.IncidentUpdatedEvent"/> events of one orchestration run and
/// counts them. It keeps exactly one wait open and never cancels it, because the Durable Task worker keeps a
/// cancelled wait on its stack of waiters, and the next event would complete that dead wait and be lost.
/// </summary>
internal sealed class IncidentUpdateLog
{
    /// <summary>Delivery times kept for the case record. Older ones are dropped, so the history stays small.</summary>
    public const int MaxTimes = 20;

    private readonly TaskOrchestrationContext _context;
    private readonly List<DateTimeOffset> _times = [];

    public IncidentUpdateLog(TaskOrchestrationContext context)
    {
        _context = context;
        Next = Listen();
    }

    /// <summary>The open wait, which completes when the next update arrives or one is already buffered.</summary>
    public Task<IncidentUpdateEvent> Next { get; private set; }

    /// <summary>Updates received so far.</summary>
    public int Count { get; private set; }

    /// <summary>Delivery times of the newest <see cref="MaxTimes"/> updates, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Times => _times;

    /// <summary>
    /// Records every update that has arrived, opens a new wait after each and returns how many were recorded.
    /// Updates that arrived while no wait was open are buffered by the worker and complete the new wait at once.
    /// </summary>
    public async Task<int> CollectAsync()
    {
        var collected = 0;
        while (Next.IsCompleted)
        {
            var update = await Next;
            Count++;
            collected++;
            _times.Add(update.ReceivedAt);
            if (_times.Count > MaxTimes)
            {
                _times.RemoveAt(0);
            }

            Next = Listen();
        }

        return collected;
    }

    private Task<IncidentUpdateEvent> Listen() =>
        _context.WaitForExternalEvent<IncidentUpdateEvent>(InvestigationOrchestrator.IncidentUpdatedEvent);
}
