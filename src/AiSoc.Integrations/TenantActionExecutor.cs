using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;

namespace AiSoc.Integrations;

/// <summary>
/// Routes each action to <see cref="GraphActionExecutor"/> or <see cref="DefenderActionExecutor"/> by its
/// <see cref="TenantActionCatalog"/> entry. Manual tasks return <see cref="ActionExecutionStatus.ManualTask"/>.
/// </summary>
public sealed class TenantActionExecutor(GraphActionExecutor graph, DefenderActionExecutor defender) : IResponseActionExecutor
{
    public Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken) =>
        Route(action) is { } executor
            ? executor.ExecuteAsync(action, dryRun, cancellationToken)
            : Task.FromResult(Manual(action));

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken) =>
        Route(action) is { } executor
            ? executor.GetStatusAsync(action, providerActionId, cancellationToken)
            : Task.FromResult(Manual(action));

    public Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        Route(action) is { } executor
            ? executor.RollbackAsync(action, executed, cancellationToken)
            : Task.FromResult(Manual(action));

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
