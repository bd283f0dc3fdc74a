using AiSoc.Investigations.Ports;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Investigations;

/// <summary>
/// The notifier when no Teams workflow is configured: each notice becomes a warning in the logs, with the ids an
/// operator needs to open the approval page. Every notice is logged, but no one is alerted.
/// </summary>
public sealed partial class LoggingNotifier(ILogger<LoggingNotifier> logger) : INotifier
{
    public Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);

        LogNotice(logger, notice.Kind, notice.InvestigationId, notice.ApprovalId, notice.Recipient);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5600, Level = LogLevel.Warning,
        Message = "{Kind} notice for {Recipient} on investigation {InvestigationId} (approval {ApprovalId}) was only logged, because Notifications:Teams:WebhookUrl is not set")]
    private static partial void LogNotice(ILogger logger, NoticeKind kind, string investigationId, string approvalId, string recipient);
}
