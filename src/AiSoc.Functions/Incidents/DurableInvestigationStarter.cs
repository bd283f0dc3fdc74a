using AiSoc.Investigations;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Starts an <see cref="InvestigationOrchestrator"/> instance whose instance id is the investigation id. An instance
/// in any state counts as existing, so a re-sent incident neither starts a second run nor replaces a finished one.
/// An incident whose investigation is still running reaches it as the
/// <see cref="InvestigationOrchestrator.IncidentUpdatedEvent"/> event.
/// </summary>
public sealed partial class DurableInvestigationStarter(DurableTaskClient client, ILogger<DurableInvestigationStarter> logger) : IInvestigationStarter
{
    private static readonly OrchestrationRuntimeStatus[] AllStatuses = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    /// <summary>
    /// Triage key under which <see cref="SentinelIncidentIntake"/> saves webhook incidents in the
    /// <see cref="AiSoc.Investigations.Ports.IInvestigationStore"/>, each under its provider id.
    /// </summary>
    public const string WebhookTriageKey = "sentinel-webhook";

    public async Task<InvestigationPhase> GetPhaseAsync(string investigationId, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(investigationId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return InvestigationPhase.NotStarted;
        }

        return IsUnderInvestigation(existing.RuntimeStatus) ? InvestigationPhase.UnderInvestigation : InvestigationPhase.Finished;
    }

    public async Task<bool> StartAsync(InvestigationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var existing = await client.GetInstanceAsync(request.InvestigationId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            await ForwardUpdateAsync(request, existing.RuntimeStatus, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Deduplicating on every status makes the backend reject a start that races another delivery of the same
        // incident. NOTE: whether the Functions host's gRPC client reports that rejection as
        // OrchestrationAlreadyExistsException is untested here, so a race may surface as an RpcException instead.
        var options = new StartOrchestrationOptions(request.InvestigationId).WithDedupeStatuses(AllStatuses);
        var input = new InvestigationInput(request.InvestigationId, request.ProviderId, WebhookTriageKey);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(InvestigationOrchestrator), input, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogStartRaced(logger, request.InvestigationId);
            return false;
        }

        LogStarted(logger, request.InvestigationId, request.Kind, request.ProviderId);
        return true;
    }

    private async Task ForwardUpdateAsync(InvestigationRequest request, OrchestrationRuntimeStatus status, CancellationToken cancellationToken)
    {
        if (!IsUnderInvestigation(status))
        {
            LogAlreadyFinished(logger, request.InvestigationId, status);
            return;
        }

        var update = new IncidentUpdateEvent(request.Kind, request.ProviderId, request.ReceivedAt);
        await client.RaiseEventAsync(request.InvestigationId, InvestigationOrchestrator.IncidentUpdatedEvent, update, cancellationToken).ConfigureAwait(false);
        LogUpdateRaised(logger, request.InvestigationId, status);
    }

    private static bool IsUnderInvestigation(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    [LoggerMessage(EventId = 5210, Level = LogLevel.Information, Message = "Started investigation {InvestigationId} for {Kind} {ProviderId}")]
    private static partial void LogStarted(ILogger logger, string investigationId, string kind, string providerId);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Information, Message = "Raised IncidentUpdated on investigation {InvestigationId} in status {Status}")]
    private static partial void LogUpdateRaised(ILogger logger, string investigationId, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Information,
        Message = "Investigation {InvestigationId} already exists in status {Status}; the repeated delivery starts nothing")]
    private static partial void LogAlreadyFinished(ILogger logger, string investigationId, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 5213, Level = LogLevel.Information,
        Message = "Investigation {InvestigationId} was started by a concurrent delivery; this one starts nothing")]
    private static partial void LogStartRaced(ILogger logger, string investigationId);
}
