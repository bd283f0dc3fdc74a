using Microsoft.Extensions.Logging;

namespace AiSoc.Approvals;

internal static partial class ApprovalHandlerLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Approval {ApprovalId}: {Outcome} ({Reason})")]
    public static partial void Decision(ILogger logger, string approvalId, ApprovalOutcome outcome, string reason);
}
