using System.Collections.Concurrent;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>
/// Accepts every action as pending at the provider, and reports it still pending on every status check unless
/// <c>completeAfterChecks</c> is reached. Records the approver each action ran with.
/// </summary>
internal sealed class PendingActionExecutor(int completeAfterChecks = int.MaxValue) : IResponseActionExecutor, IAttributedActionExecutor
{
    private readonly ConcurrentDictionary<string, int> _checks = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Approvers { get; } = new(StringComparer.Ordinal);

    public Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, string approvedBy, bool dryRun, CancellationToken cancellationToken)
    {
        Approvers[action.IdempotencyKey] = approvedBy;
        return Task.FromResult(new ActionExecutionResult(ActionExecutionStatus.Pending, "provider-" + action.ActionId));
    }

    public Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The investigation must call the attributed overload.");

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken)
    {
        var checks = _checks.AddOrUpdate(action.IdempotencyKey, 1, (_, count) => count + 1);
        var status = checks >= completeAfterChecks ? ActionExecutionStatus.Succeeded : ActionExecutionStatus.Pending;
        return Task.FromResult(new ActionExecutionResult(status, providerActionId));
    }

    public Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        Task.FromResult(new ActionExecutionResult(ActionExecutionStatus.Succeeded));
}
