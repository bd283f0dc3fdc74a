using AiSoc.Core.Output;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>An <see cref="INotifier"/> that writes one line per notice to a console or other text writer.</summary>
public sealed class TextWriterNotifier(TextWriter writer) : INotifier
{
    private readonly Lock _gate = new();

    public Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);

        lock (_gate)
        {
            writer.WriteLine($"[{notice.Kind}] to {notice.Recipient}: investigation {notice.InvestigationId}, approval {notice.ApprovalId}: {MarkdownText.Escape(notice.Message, 300)}");
        }

        return Task.CompletedTask;
    }
}
