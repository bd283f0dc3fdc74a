namespace AiSoc.Core.Response.Ports;

/// <summary>
/// Carries out approved or policy-cleared response actions in the tenant. Implementations must be idempotent on
/// <see cref="ProposedAction.IdempotencyKey"/>: running the same key twice acts once and returns the first outcome.
/// </summary>
public interface IResponseActionExecutor
{
    /// <summary>Starts or completes <paramref name="action"/>; in dry-run mode records what would run and changes nothing.</summary>
    Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Returns the current state of an action that <see cref="ExecuteAsync"/> left pending, such as a device isolation.</summary>
    Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken);

    /// <summary>Restores the state saved before the action ran; never re-enables what was disabled before AiSoc acted.</summary>
    Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken);
}

/// <summary>The state of an action after an executor call.</summary>
public enum ActionExecutionStatus
{
    Succeeded,

    /// <summary>The target was already in the desired state (an account already disabled); nothing was changed.</summary>
    AlreadyInDesiredState,

    /// <summary>The provider accepted the action and is still running it; poll with <see cref="IResponseActionExecutor.GetStatusAsync"/>.</summary>
    Pending,

    Failed,

    /// <summary>Dry-run mode: nothing was changed.</summary>
    DryRun,

    /// <summary>The action type cannot be carried out by an integration and is a manual task for a person.</summary>
    ManualTask,
}

/// <summary>The outcome of one executor call.</summary>
/// <param name="Status">The state of the action.</param>
/// <param name="ProviderActionId">The provider's id for a pending or finished action, such as a Defender machine action id.</param>
/// <param name="PreviousState">The state of the target before the action changed it, kept for rollback.</param>
/// <param name="Message">What happened, for the case record.</param>
public sealed record ActionExecutionResult(
    ActionExecutionStatus Status,
    string? ProviderActionId = null,
    IReadOnlyDictionary<string, string>? PreviousState = null,
    string? Message = null);
