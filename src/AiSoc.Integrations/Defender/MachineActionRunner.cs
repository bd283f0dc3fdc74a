using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Integrations.Resilience;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Defender;

/// <summary>
/// Sends Defender machine actions at most once. Before posting it looks for an action of the same type on the
/// device: one carrying this idempotency key is returned as it stands, and a pending or in-progress one is attached
/// to instead of sending a second. A 400 "Action is already in progress" is treated the same way.
/// </summary>
internal sealed class MachineActionRunner(DefenderApiClient api, DefenderRateBudget budget, ILogger logger)
{
    /// <summary>Key of <see cref="ActionExecutionResult.PreviousState"/> holding the Defender device id.</summary>
    public const string MachineIdKey = "machineId";

    /// <summary>
    /// Key of <see cref="ActionExecutionResult.PreviousState"/> holding whether the device was already in the action's
    /// state: <c>false</c> (AiSoc changed it), <c>true</c> (it already was) or <c>requested-by-other</c> (another
    /// requestor's action was pending). Rollback reverses only <c>false</c>.
    /// </summary>
    public const string WasActiveKey = "wasActive";

    public async Task<ActionExecutionResult> RunAsync(
        ProposedAction action, string machineId, MachineActionSpec spec, Dictionary<string, object> body, CancellationToken cancellationToken)
    {
        var marker = IdempotencyMarker.For(action.IdempotencyKey);
        var existing = await api.ListMachineActionsAsync(machineId, spec.Type, cancellationToken).ConfigureAwait(false);

        var ours = existing.FirstOrDefault(candidate => IdempotencyMarker.IsIn(candidate.RequestorComment, marker));
        if (ours is not null)
        {
            return ToResult(ours, State(machineId, "false"), "Found this action's own earlier request (replay); nothing was sent.");
        }

        var active = existing.FirstOrDefault(candidate => candidate.IsActive);
        if (active is not null)
        {
            IntegrationLog.AttachedToMachineAction(logger, active.Id, active.Type, active.Status, machineId);
            return ToResult(active, State(machineId, "requested-by-other"), $"Attached to {spec.Type} action {active.Id} that was already {active.Status}; nothing was sent.");
        }

        if (spec.ReverseType is not null && await IsAlreadyInStateAsync(machineId, spec, existing, cancellationToken).ConfigureAwait(false))
        {
            return new ActionExecutionResult(ActionExecutionStatus.AlreadyInDesiredState, null, State(machineId, "true"),
                $"The device's latest {spec.Type}/{spec.ReverseType} action is a succeeded {spec.Type}; nothing was sent.");
        }

        body["Comment"] = $"AiSoc {ActionCatalog.Name(action.Type)} {marker}";
        var (sent, refusal) = await SendOnceAsync(machineId, spec.Type, spec.Endpoint, body, spec.Permission, marker, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal with { PreviousState = State(machineId, "false") };
        }

        if (sent is not null)
        {
            return ToResult(sent, State(machineId, "false"), $"Sent {spec.Type} action {sent.Id}.");
        }

        // 400 "Action is already in progress": another requestor got there between the listing and the post.
        var raced = (await api.ListMachineActionsAsync(machineId, spec.Type, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(candidate => candidate.IsActive);
        if (raced is null)
        {
            return ExecutionResults.Failed($"Defender answered that a {spec.Type} action is already in progress on device {machineId}, but lists none; retry later.");
        }

        IntegrationLog.AttachedToMachineAction(logger, raced.Id, raced.Type, raced.Status, machineId);
        return ToResult(raced, State(machineId, "requested-by-other"), $"Defender reported {spec.Type} already in progress; attached to action {raced.Id}.");
    }

    /// <summary>Returns the combined status of one or more machine actions, by comma-separated ids.</summary>
    public async Task<ActionExecutionResult> GetStatusAsync(string providerActionIds, CancellationToken cancellationToken)
    {
        var ids = providerActionIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pending = new List<string>();
        foreach (var id in ids)
        {
            var current = await api.GetMachineActionAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return ExecutionResults.Failed($"Defender machine action {id} was not found.");
            }

            if (current.Status is MachineActionStatus.Failed or MachineActionStatus.TimeOut or MachineActionStatus.Cancelled)
            {
                return new ActionExecutionResult(ActionExecutionStatus.Failed, providerActionIds, Message: $"Defender machine action {id} ended {current.Status}.");
            }

            if (current.IsActive)
            {
                pending.Add($"{id} is {current.Status}");
            }
        }

        return pending.Count == 0
            ? new ActionExecutionResult(ActionExecutionStatus.Succeeded, providerActionIds, Message: "Every machine action succeeded.")
            : new ActionExecutionResult(ActionExecutionStatus.Pending, providerActionIds, Message: string.Join("; ", pending) + ".");
    }

    /// <summary>
    /// Undoes an isolation or restriction that AiSoc caused. A pending action is cancelled and no release is sent
    /// while it is pending; a succeeded one is reversed with the reverse machine action.
    /// </summary>
    public async Task<ActionExecutionResult> ReverseAsync(ProposedAction action, ActionExecutionResult executed, MachineActionSpec spec, CancellationToken cancellationToken)
    {
        if (!ExecutionResults.TryGet(executed.PreviousState, WasActiveKey, out var wasActive) || wasActive != "false"
            || !ExecutionResults.TryGet(executed.PreviousState, MachineIdKey, out var machineId))
        {
            return ExecutionResults.NothingToUndo(executed, $"AiSoc did not cause the device's {spec.Type} state, so it is left as it is.");
        }

        var marker = IdempotencyMarker.For(action.IdempotencyKey);
        var actions = await api.ListMachineActionsAsync(machineId, spec.Type, cancellationToken).ConfigureAwait(false);

        var othersActive = actions.FirstOrDefault(candidate => candidate.IsActive && !IdempotencyMarker.IsIn(candidate.RequestorComment, marker));
        if (othersActive is not null)
        {
            return ExecutionResults.Failed(
                $"Another requestor's {spec.Type} action {othersActive.Id} is {othersActive.Status} on device {machineId}, so the rollback is left to a person.", executed.PreviousState);
        }

        foreach (var active in actions.Where(candidate => candidate.IsActive))
        {
            if (await budget.TryReserveAsync(cancellationToken).ConfigureAwait(false) is { } exhausted)
            {
                return ExecutionResults.Failed(exhausted, executed.PreviousState);
            }

            var cancelled = await api.CancelMachineActionAsync(active.Id, $"AiSoc rollback {IdempotencyMarker.ForRollback(action.IdempotencyKey)}", spec.Permission, cancellationToken).ConfigureAwait(false);
            if (cancelled?.Status != MachineActionStatus.Cancelled)
            {
                return ExecutionResults.Failed($"Cancelling pending {spec.Type} action {active.Id} left it {cancelled?.Status ?? "unknown"}; no release was sent. Retry the rollback.", executed.PreviousState);
            }

            IntegrationLog.CancelledPendingAction(logger, active.Id, machineId);
        }

        var oursSucceeded = actions.Any(candidate => candidate.Status == MachineActionStatus.Succeeded && IdempotencyMarker.IsIn(candidate.RequestorComment, marker));
        if (!oursSucceeded)
        {
            return new ActionExecutionResult(ActionExecutionStatus.Succeeded, executed.ProviderActionId, executed.PreviousState,
                $"The {spec.Type} action was cancelled before it took effect; no release was needed.");
        }

        var rollbackMarker = IdempotencyMarker.ForRollback(action.IdempotencyKey);
        var reverse = (await api.ListMachineActionsAsync(machineId, spec.ReverseType!, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(candidate => IdempotencyMarker.IsIn(candidate.RequestorComment, rollbackMarker) || candidate.IsActive);
        if (reverse is not null)
        {
            return ToResult(reverse, executed.PreviousState, $"Attached to {spec.ReverseType} action {reverse.Id}; nothing was sent.");
        }

        var body = new Dictionary<string, object> { ["Comment"] = $"AiSoc rollback of {ActionCatalog.Name(action.Type)} {rollbackMarker}" };
        var (sent, refusal) = await SendOnceAsync(machineId, spec.ReverseType!, spec.ReverseEndpoint!, body, spec.Permission, rollbackMarker, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal with { PreviousState = executed.PreviousState };
        }

        return sent is null
            ? new ActionExecutionResult(ActionExecutionStatus.Pending, null, executed.PreviousState, $"A {spec.ReverseType} action is already in progress on device {machineId}.")
            : ToResult(sent, executed.PreviousState, $"Sent {spec.ReverseType} action {sent.Id}.");
    }

    /// <summary>
    /// Posts one machine action within the rate budget. When the post fails in a way that may hide a success (a 5xx
    /// or no response), the device's actions are listed again: an action carrying <paramref name="marker"/> is
    /// returned instead of posting a second one, and only when none exists is the post sent once more.
    /// </summary>
    private async Task<(MachineAction? Sent, ActionExecutionResult? Refusal)> SendOnceAsync(
        string machineId, string type, string endpoint, Dictionary<string, object> body, string permission, string marker, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await budget.TryReserveAsync(cancellationToken).ConfigureAwait(false) is { } exhausted)
            {
                return (null, ExecutionResults.Failed(exhausted));
            }

            try
            {
                return (await api.SendMachineActionAsync(machineId, endpoint, body, permission, cancellationToken).ConfigureAwait(false), null);
            }
            catch (TenantApiException error) when (attempt == 1 && MayHaveSucceeded(error))
            {
                IntegrationLog.PostOutcomeUnknown(logger, type, machineId, error);
                var landed = (await api.ListMachineActionsAsync(machineId, type, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(candidate => IdempotencyMarker.IsIn(candidate.RequestorComment, marker));
                if (landed is not null)
                {
                    IntegrationLog.AttachedToMachineAction(logger, landed.Id, landed.Type, landed.Status, machineId);
                    return (landed, null);
                }
            }
        }
    }

    private static bool MayHaveSucceeded(TenantApiException error) =>
        error.StatusCode is null || (int)error.StatusCode.Value >= 500;

    private async Task<bool> IsAlreadyInStateAsync(string machineId, MachineActionSpec spec, IReadOnlyList<MachineAction> forward, CancellationToken cancellationToken)
    {
        var reverse = await api.ListMachineActionsAsync(machineId, spec.ReverseType!, cancellationToken).ConfigureAwait(false);
        var latest = forward.Concat(reverse)
            .Where(candidate => candidate.Status == MachineActionStatus.Succeeded)
            .MaxBy(candidate => candidate.LastUpdateDateTimeUtc ?? candidate.CreationDateTimeUtc ?? DateTimeOffset.MinValue);
        return latest?.Type == spec.Type;
    }

    private static ActionExecutionResult ToResult(MachineAction machineAction, IReadOnlyDictionary<string, string>? previousState, string message)
    {
        var status = machineAction.Status switch
        {
            MachineActionStatus.Succeeded => ActionExecutionStatus.Succeeded,
            MachineActionStatus.Pending or MachineActionStatus.InProgress => ActionExecutionStatus.Pending,
            _ => ActionExecutionStatus.Failed,
        };

        var suffix = status == ActionExecutionStatus.Failed ? $" It ended {machineAction.Status}." : string.Empty;
        return new ActionExecutionResult(status, machineAction.Id, previousState, message + suffix);
    }

    private static Dictionary<string, string> State(string machineId, string wasActive) => new(StringComparer.Ordinal)
    {
        [MachineIdKey] = machineId,
        [WasActiveKey] = wasActive,
    };
}
