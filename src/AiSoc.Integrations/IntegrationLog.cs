using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations;

/// <summary>Log messages of the tenant integrations.</summary>
internal static partial class IntegrationLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Lookup of {EntityKey} in {Source} failed")]
    public static partial void LookupFailed(ILogger logger, string entityKey, string source, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Action {ActionType} on {TargetKey} ({IdempotencyKey}) ended {Status}: {Message}")]
    public static partial void ActionOutcome(ILogger logger, ResponseActionType actionType, string targetKey, string idempotencyKey, ActionExecutionStatus status, string? message);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Action {ActionType} or its rollback on {TargetKey} ({IdempotencyKey}) failed")]
    public static partial void ActionFailed(ILogger logger, ResponseActionType actionType, string targetKey, string idempotencyKey, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Attached to Defender machine action {MachineActionId} ({Type}, {Status}) on device {MachineId} instead of sending another")]
    public static partial void AttachedToMachineAction(ILogger logger, string machineActionId, string type, string status, string machineId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Cancelled pending Defender machine action {MachineActionId} on device {MachineId} before release")]
    public static partial void CancelledPendingAction(ILogger logger, string machineActionId, string machineId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Defender {Type} post to device {MachineId} may have taken effect despite the error; listing the device's actions before any resend")]
    public static partial void PostOutcomeUnknown(ILogger logger, string type, string machineId, Exception exception);
}
