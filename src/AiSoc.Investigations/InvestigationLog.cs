using AiSoc.Approvals;
using Microsoft.Extensions.Logging;

namespace AiSoc.Investigations;

// Orchestrator log messages; callers pass the replay-safe logger, so each line is written once, not per replay.
internal static partial class InvestigationLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Investigation {InvestigationId} started for incident {IncidentId}")]
    public static partial void Started(ILogger logger, string investigationId, string incidentId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Investigation {InvestigationId} waits for approval {ApprovalId} until {ExpiresAt}")]
    public static partial void AwaitingApproval(ILogger logger, string investigationId, string approvalId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Investigation {InvestigationId} approval {ApprovalId} ended as {Status}")]
    public static partial void ApprovalResolved(ILogger logger, string investigationId, string approvalId, ApprovalStatus status);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Investigation {InvestigationId} completed: {ExecutedCount} of {ActionCount} actions executed")]
    public static partial void Completed(ILogger logger, string investigationId, int executedCount, int actionCount);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Investigation {InvestigationId} withdrew approval {ApprovalId}: {Reason}")]
    public static partial void ApprovalWithdrawn(ILogger logger, string investigationId, string approvalId, string reason);
}
