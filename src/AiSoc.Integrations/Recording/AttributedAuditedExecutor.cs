using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Ports;

namespace AiSoc.Integrations.Recording;

/// <summary>
/// Lets the investigation run tenant actions through <see cref="AuditedActionExecutor"/> with the approver of each
/// action, so every audit record of a tenant call names the person who approved it, or the response policy.
/// </summary>
public sealed class AttributedAuditedExecutor(AuditedActionExecutor audited) : IResponseActionExecutor, IAttributedActionExecutor
{
    public async Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, string approvedBy, bool dryRun, CancellationToken cancellationToken) =>
        (await audited.ExecuteAsync(action, approvedBy, dryRun, cancellationToken).ConfigureAwait(false)).Result;

    public Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken) =>
        ExecuteAsync(action, IAttributedActionExecutor.PolicyActor, dryRun, cancellationToken);

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken) =>
        audited.GetStatusAsync(action, providerActionId, cancellationToken);

    public Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        audited.RollbackAsync(action, executed, cancellationToken);
}
