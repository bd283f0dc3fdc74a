using System.Globalization;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;

namespace AiSoc.Integrations.Recording;

/// <summary>An executor outcome with the tenant calls it made, secrets redacted.</summary>
public sealed record AuditedExecution(ActionExecutionResult Result, IReadOnlyList<TenantCall> Calls);

/// <summary>
/// Writes one <see cref="IAuditLog"/> record per execution, rollback or dry run: who approved it, every request
/// (method, URL, body, response status), and the final state. Headers are never recorded, so bearer tokens never
/// reach the log, and token-like URL parameters and body properties are masked (see <see cref="Redaction"/>).
/// </summary>
public sealed class AuditedActionExecutor(IResponseActionExecutor inner, IAuditLog auditLog) : IResponseActionExecutor
{
    /// <summary>Actor recorded when a call comes through <see cref="IResponseActionExecutor"/>, which carries no approver.</summary>
    public const string UnattributedActor = "aisoc (approver not given)";

    /// <summary>Runs <paramref name="action"/>, approved by <paramref name="approvedBy"/>, and audits it.</summary>
    public async Task<AuditedExecution> ExecuteAsync(ProposedAction action, string approvedBy, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);

        using var scope = TenantCallRecorder.Begin(dryRun);
        var result = await inner.ExecuteAsync(action, dryRun, cancellationToken).ConfigureAwait(false);
        await AppendAsync(action, dryRun ? "dry-run" : "execute", approvedBy, scope.Calls, result, cancellationToken).ConfigureAwait(false);
        return new AuditedExecution(result, scope.Calls);
    }

    /// <summary>Rolls back <paramref name="executed"/>, approved by <paramref name="approvedBy"/>, and audits it.</summary>
    public async Task<AuditedExecution> RollbackAsync(ProposedAction action, ActionExecutionResult executed, string approvedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);

        using var scope = TenantCallRecorder.Begin(dryRun: false);
        var result = await inner.RollbackAsync(action, executed, cancellationToken).ConfigureAwait(false);
        await AppendAsync(action, "rollback", approvedBy, scope.Calls, result, cancellationToken).ConfigureAwait(false);
        return new AuditedExecution(result, scope.Calls);
    }

    public async Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken) =>
        (await ExecuteAsync(action, UnattributedActor, dryRun, cancellationToken).ConfigureAwait(false)).Result;

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken) =>
        inner.GetStatusAsync(action, providerActionId, cancellationToken);

    public async Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        (await RollbackAsync(action, executed, UnattributedActor, cancellationToken).ConfigureAwait(false)).Result;

    private async Task AppendAsync(
        ProposedAction action, string step, string approvedBy, IReadOnlyList<TenantCall> calls, ActionExecutionResult result, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["idempotencyKey"] = action.IdempotencyKey,
            ["target"] = action.Target.Key,
            ["step"] = step,
            ["approvedBy"] = approvedBy,
        };

        for (var i = 0; i < calls.Count; i++)
        {
            var number = (i + 1).ToString("D2", CultureInfo.InvariantCulture);
            inputs[$"request{number}"] = calls[i].Describe();
            inputs[$"response{number}"] = calls[i] switch
            {
                { Sent: false } => "not sent (dry run)",
                { StatusCode: { } status } => status.ToString(CultureInfo.InvariantCulture),
                _ => "no response",
            };
        }

        if (result.ProviderActionId is not null)
        {
            inputs["providerActionId"] = result.ProviderActionId;
        }

        foreach (var (name, value) in result.PreviousState ?? new Dictionary<string, string>())
        {
            inputs["previousState." + name] = value;
        }

        var entry = new AuditEntry
        {
            InvestigationId = InvestigationOf(action),
            Kind = "action",
            Name = ActionCatalog.Name(action.Type) + (step == "execute" ? string.Empty : "-" + step),
            Actor = approvedBy,
            Inputs = inputs,
            Outcome = $"{result.Status}: {result.Message}",
        };
        await auditLog.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    // The idempotency key is "investigation|action|target", so its first part is the investigation id.
    private static string InvestigationOf(ProposedAction action)
    {
        var bar = action.IdempotencyKey.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 ? action.IdempotencyKey[..bar] : action.IdempotencyKey;
    }
}
