using System.Collections.Concurrent;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Tests.Support;

internal sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentQueue<InvestigationNotice> _notices = new();

    public IReadOnlyList<InvestigationNotice> Notices => [.. _notices];

    public Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        _notices.Enqueue(notice);
        return Task.CompletedTask;
    }
}
