using AiSoc.Approvals;
using AiSoc.Investigations;
using Grpc.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Approvals;

/// <summary>
/// Wakes the investigation waiting on an approval by raising <see cref="InvestigationOrchestrator.ApprovalDecidedEvent"/>
/// with only the approval id. The orchestration reads the decision from the approval store, so the event carries
/// nothing an approver could forge.
/// </summary>
public static partial class ApprovalDecidedEvents
{
    /// <summary>
    /// Raises the event when <paramref name="result"/> records a new decision; other outcomes changed nothing, so
    /// they raise nothing. Returns true when the event was raised.
    /// </summary>
    public static async Task<bool> RaiseAsync(DurableTaskClient client, ApprovalResult result, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(result);

        if (result.Outcome is not (ApprovalOutcome.Approved or ApprovalOutcome.Rejected) || result.Request is not { } request)
        {
            return false;
        }

        // The orchestration instance id is the investigation id (see InvestigationInput).
        try
        {
            await client.RaiseEventAsync(request.InvestigationId, InvestigationOrchestrator.ApprovalDecidedEvent, request.ApprovalId, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException error)
        {
            // The decision is stored, and the orchestration's periodic store check finds it without the event.
            LogRaiseFailed(logger, request.ApprovalId, request.InvestigationId, error.StatusCode, error);
            return false;
        }

        LogRaised(logger, request.ApprovalId, request.InvestigationId);
        return true;
    }

    [LoggerMessage(EventId = 5510, Level = LogLevel.Information, Message = "Raised ApprovalDecided for approval {ApprovalId} on investigation {InvestigationId}")]
    private static partial void LogRaised(ILogger logger, string approvalId, string investigationId);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Warning,
        Message = "Failed to raise ApprovalDecided for approval {ApprovalId} on investigation {InvestigationId} (gRPC status {StatusCode}); the investigation finds the decision at its next store check")]
    private static partial void LogRaiseFailed(ILogger logger, string approvalId, string investigationId, StatusCode statusCode, Exception error);
}
