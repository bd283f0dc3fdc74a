using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Recording;

namespace AiSoc.Integrations;

/// <summary>
/// Routes each action to <see cref="GraphActionExecutor"/> or <see cref="DefenderActionExecutor"/> by its
/// <see cref="TenantActionCatalog"/> entry. Manual tasks return <see cref="ActionExecutionStatus.ManualTask"/>.
/// A dry run runs the real code path inside a dry-run <see cref="TenantCallRecorder"/> scope: reads are sent, writes
/// are recorded and never sent, and the result lists the exact writes the action would send.
/// </summary>
public sealed class TenantActionExecutor(GraphActionExecutor graph, DefenderActionExecutor defender) : IResponseActionExecutor
{
    public Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken)
    {
        if (Route(action) is not { } executor)
        {
            return Task.FromResult(Manual(action));
        }

        return dryRun
            ? DryRunAsync(action, () => executor.ExecuteAsync(action, false, cancellationToken))
            : executor.ExecuteAsync(action, false, cancellationToken);
    }

    /// <summary>Records the requests a rollback would send, without sending its writes.</summary>
    public Task<ActionExecutionResult> RollbackDryRunAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        Route(action) is { } executor
            ? DryRunAsync(action, () => executor.RollbackAsync(action, executed, cancellationToken))
            : Task.FromResult(Manual(action));

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken) =>
        Route(action) is { } executor
            ? executor.GetStatusAsync(action, providerActionId, cancellationToken)
            : Task.FromResult(Manual(action));

    public Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        Route(action) is { } executor
            ? executor.RollbackAsync(action, executed, cancellationToken)
            : Task.FromResult(Manual(action));

    // NOTE: writes stay local only on clients built by AddTenantIntegrations, whose innermost handler is
    // TenantCallRecordingHandler. Executors constructed by hand around other HttpClients would send them.
    private static async Task<ActionExecutionResult> DryRunAsync(ProposedAction action, Func<Task<ActionExecutionResult>> run)
    {
        using var scope = TenantCallRecorder.Begin(dryRun: true);
        var result = await run().ConfigureAwait(false);

        var writes = scope.Calls.Where(call => call.IsWrite).Select(call => call.Describe()).ToList();
        var message = writes.Count == 0
            ? $"Dry run, nothing changed: {ActionCatalog.Name(action.Type)} would send no write request. {result.Message}"
            : $"Dry run, nothing changed: {ActionCatalog.Name(action.Type)} would send {string.Join(" then ", writes)}";
        var status = result.Status is ActionExecutionStatus.Failed or ActionExecutionStatus.AlreadyInDesiredState or ActionExecutionStatus.ManualTask
            ? result.Status
            : ActionExecutionStatus.DryRun;
        return new ActionExecutionResult(status, null, result.PreviousState, message);
    }

    private IResponseActionExecutor? Route(ProposedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return TenantActionCatalog.Find(action.Type)?.Provider switch
        {
            TenantActionCatalog.GraphProvider => graph,
            TenantActionCatalog.DefenderProvider => defender,
            _ => null,
        };
    }

    private static ActionExecutionResult Manual(ProposedAction action) =>
        new(ActionExecutionStatus.ManualTask, Message: $"{ActionCatalog.Name(action.Type)} is a task for a person: {action.Task ?? "see the playbook"}.");
}
