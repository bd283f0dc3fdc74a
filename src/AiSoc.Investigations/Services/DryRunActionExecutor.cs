using System.Collections.Concurrent;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>
/// An <see cref="IResponseActionExecutor"/> that changes nothing and records what would run. It is idempotent on
/// <see cref="ProposedAction.IdempotencyKey"/>: a second call with a key returns the first result and records
/// nothing new. It only works in dry-run mode and raises when asked to act for real.
/// </summary>
public sealed class DryRunActionExecutor : IResponseActionExecutor
{
    private readonly ConcurrentDictionary<string, ActionExecutionResult> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ProposedAction> _recorded = new();

    /// <summary>Actions recorded as would-run, once per idempotency key, in call order.</summary>
    public IReadOnlyList<ProposedAction> Recorded => [.. _recorded];

    /// <exception cref="InvalidOperationException"><paramref name="dryRun"/> is false.</exception>
    public Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!dryRun)
        {
            throw new InvalidOperationException($"The dry-run executor cannot run {action.IdempotencyKey} for real; configure a tenant executor or turn dry-run mode on.");
        }

        var result = _results.GetOrAdd(action.IdempotencyKey, _ =>
        {
            _recorded.Enqueue(action);
            return Describe(action);
        });
        return Task.FromResult(result);
    }

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Task.FromResult(_results.GetValueOrDefault(action.IdempotencyKey) ?? new ActionExecutionResult(ActionExecutionStatus.Failed, providerActionId, Message: "no dry-run record of this action"));
    }

    public Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        Task.FromResult(new ActionExecutionResult(ActionExecutionStatus.DryRun, Message: $"dry run: would roll back {ActionCatalog.Name(action.Type)} on {action.Target.Key}"));

    private static ActionExecutionResult Describe(ProposedAction action) => action.Type == ResponseActionType.ManualTask
        ? new ActionExecutionResult(ActionExecutionStatus.ManualTask, Message: $"manual task for a person: {action.Task}")
        : new ActionExecutionResult(ActionExecutionStatus.DryRun, Message: $"dry run: would run {ActionCatalog.Name(action.Type)} on {action.Target.Key}");
}
