using Microsoft.Extensions.Logging;

namespace AiSoc.Core.Response;

internal static partial class ResponsePolicyLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Shadow mode: investigation {InvestigationId} action {IdempotencyKey} would be {Disposition}; nothing runs")]
    public static partial void ShadowDecision(ILogger logger, string investigationId, string idempotencyKey, ActionDisposition disposition);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Investigation {InvestigationId} action {IdempotencyKey}: {Disposition} ({Reasons})")]
    public static partial void Decision(ILogger logger, string investigationId, string idempotencyKey, ActionDisposition disposition, IReadOnlyList<string> reasons);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Blast-radius limit of {Limit} per window reached for {Action}; investigation {InvestigationId} action {IdempotencyKey} needs approval")]
    public static partial void BlastRadiusReached(ILogger logger, int limit, string action, string investigationId, string idempotencyKey);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Re-check before execution of {IdempotencyKey} in investigation {InvestigationId}: {Clearance} ({Reasons})")]
    public static partial void RecheckStopped(ILogger logger, string idempotencyKey, string investigationId, ExecutionClearance clearance, IReadOnlyList<string> reasons);
}
