using System.Text.Json;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models;

namespace AiSoc.Integrations.Graph;

/// <summary>
/// Carries out the Entra actions through Microsoft Graph. Each action reads the current state first, so a replay
/// finds the target already changed and returns <see cref="ActionExecutionStatus.AlreadyInDesiredState"/>.
/// Targets holding a privileged directory role are always left to a person.
/// </summary>
public sealed class GraphActionExecutor(GraphDirectory directory, ILogger<GraphActionExecutor> logger) : IResponseActionExecutor
{
    private const string AccountEnabled = "accountEnabled";
    private const string ObjectId = "objectId";
    private const string RiskState = "riskState";
    private const string ConfirmedCompromised = "confirmedCompromised";

    /// <summary>True for the action types this executor carries out.</summary>
    public static bool Handles(ResponseActionType type) =>
        TenantActionCatalog.Find(type)?.Provider == TenantActionCatalog.GraphProvider;

    public async Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (dryRun)
        {
            return ExecutionResults.DryRun($"run {ActionCatalog.Name(action.Type)} on {action.Target.Key}.");
        }

        try
        {
            var result = action.Type switch
            {
                ResponseActionType.DisableUser or ResponseActionType.RevokeSessions or ResponseActionType.ConfirmUserCompromised =>
                    await ExecuteOnUserAsync(action, cancellationToken).ConfigureAwait(false),
                ResponseActionType.RevokeOAuthGrants => await RevokeGrantsAsync(action, cancellationToken).ConfigureAwait(false),
                ResponseActionType.DisableServicePrincipal => await DisableServicePrincipalAsync(action, cancellationToken).ConfigureAwait(false),
                _ => ExecutionResults.Failed($"Action {ActionCatalog.Name(action.Type)} is not a Microsoft Graph action."),
            };

            IntegrationLog.ActionOutcome(logger, action.Type, action.Target.Key, action.IdempotencyKey, result.Status, result.Message);
            return result;
        }
        catch (TenantApiException error)
        {
            IntegrationLog.ActionFailed(logger, action.Type, action.Target.Key, action.IdempotencyKey, error);
            return ExecutionResults.Failed(error.Message);
        }
    }

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken) =>
        Task.FromResult(new ActionExecutionResult(ActionExecutionStatus.Succeeded, providerActionId, Message: "Microsoft Graph actions finish within the call."));

    public async Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(executed);

        if (executed.Status is not (ActionExecutionStatus.Succeeded or ActionExecutionStatus.AlreadyInDesiredState)
            || !ExecutionResults.TryGet(executed.PreviousState, ObjectId, out var objectId))
        {
            return ExecutionResults.NothingToUndo(executed, "The action changed nothing, so there is nothing to roll back.");
        }

        try
        {
            switch (action.Type)
            {
                case ResponseActionType.DisableUser:
                    return await RestoreEnabledAsync(executed, objectId, (id, ct) => directory.SetUserEnabledAsync(id, true, ct), "account", cancellationToken).ConfigureAwait(false);

                case ResponseActionType.DisableServicePrincipal:
                    return await RestoreEnabledAsync(executed, objectId, (id, ct) => directory.SetServicePrincipalEnabledAsync(id, true, ct), "service principal", cancellationToken).ConfigureAwait(false);

                case ResponseActionType.ConfirmUserCompromised:
                    if (!ExecutionResults.TryGet(executed.PreviousState, RiskState, out var riskState) || riskState == ConfirmedCompromised)
                    {
                        return ExecutionResults.NothingToUndo(executed, "The user was confirmed compromised before AiSoc acted, so the risk is not dismissed.");
                    }

                    await directory.DismissRiskAsync(objectId, cancellationToken).ConfigureAwait(false);
                    return new ActionExecutionResult(ActionExecutionStatus.Succeeded, objectId, executed.PreviousState,
                        $"Dismissed the user's risk. Identity Protection cannot restore the earlier risk state '{riskState}'.");

                default:
                    return new ActionExecutionResult(ActionExecutionStatus.ManualTask, executed.ProviderActionId, executed.PreviousState,
                        $"{ActionCatalog.Name(action.Type)} cannot be undone automatically: " + TenantActionCatalog.Find(action.Type)?.Rollback);
            }
        }
        catch (TenantApiException error)
        {
            IntegrationLog.ActionFailed(logger, action.Type, action.Target.Key, action.IdempotencyKey, error);
            return ExecutionResults.Failed(error.Message, executed.PreviousState);
        }
    }

    private static async Task<ActionExecutionResult> RestoreEnabledAsync(
        ActionExecutionResult executed, string objectId, Func<string, CancellationToken, Task> enable, string noun, CancellationToken cancellationToken)
    {
        // Only a target that was enabled before AiSoc acted is enabled again, and anything else stays disabled.
        if (!ExecutionResults.TryGet(executed.PreviousState, AccountEnabled, out var wasEnabled) || wasEnabled != "true")
        {
            return ExecutionResults.NothingToUndo(executed, $"The {noun} was disabled before AiSoc acted, so it stays disabled.");
        }

        await enable(objectId, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, objectId, executed.PreviousState, $"Enabled the {noun} again.");
    }

    private async Task<ActionExecutionResult> ExecuteOnUserAsync(ProposedAction action, CancellationToken cancellationToken)
    {
        var account = TargetEntities.Account(action.Target);
        if (account is null)
        {
            return ExecutionResults.Failed($"Target '{action.Target.Key}' has no Entra object id or UPN to act on.");
        }

        var user = await directory.FindUserAsync(account, cancellationToken).ConfigureAwait(false);
        if (user?.Id is null)
        {
            return ExecutionResults.Failed($"No Entra user matches target '{action.Target.Key}'.");
        }

        var roles = await directory.GetDirectoryRolesAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var privileged = roles.Where(role => role.IsPrivileged).Select(role => role.Name).ToList();
        if (privileged.Count > 0)
        {
            return ExecutionResults.Failed(
                $"User '{user.UserPrincipalName}' has privileged roles ({string.Join(", ", privileged)}), so AiSoc does not run {ActionCatalog.Name(action.Type)}: a person must do it. "
                + "Changing a privileged user needs an Entra administrator role such as Privileged Authentication Administrator.");
        }

        return action.Type switch
        {
            ResponseActionType.DisableUser => await DisableUserAsync(user, cancellationToken).ConfigureAwait(false),
            ResponseActionType.RevokeSessions => await RevokeSessionsAsync(user.Id, cancellationToken).ConfigureAwait(false),
            _ => await ConfirmCompromisedAsync(user.Id, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<ActionExecutionResult> DisableUserAsync(User user, CancellationToken cancellationToken)
    {
        var id = user.Id!;
        if (user.AccountEnabled == false)
        {
            return new ActionExecutionResult(ActionExecutionStatus.AlreadyInDesiredState, id,
                State(id, (AccountEnabled, "false")), "The account was already disabled; nothing was changed.");
        }

        await directory.SetUserEnabledAsync(id, false, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, id, State(id, (AccountEnabled, "true")), "Disabled the account (accountEnabled=false).");
    }

    private async Task<ActionExecutionResult> RevokeSessionsAsync(string id, CancellationToken cancellationToken)
    {
        await directory.RevokeSessionsAsync(id, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, id, State(id), "Revoked the user's refresh tokens and session cookies.");
    }

    private async Task<ActionExecutionResult> ConfirmCompromisedAsync(string id, CancellationToken cancellationToken)
    {
        var risky = await directory.GetRiskyUserAsync(id, cancellationToken).ConfigureAwait(false);
        if (risky?.RiskState == Microsoft.Graph.Models.RiskState.ConfirmedCompromised)
        {
            return new ActionExecutionResult(ActionExecutionStatus.AlreadyInDesiredState, id,
                State(id, (RiskState, ConfirmedCompromised)), "The user was already confirmed compromised; nothing was changed.");
        }

        var previous = risky?.RiskState is { } state ? JsonNamingPolicy.CamelCase.ConvertName(state.ToString()) : "none";
        await directory.ConfirmCompromisedAsync(id, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, id, State(id, (RiskState, previous)), "Confirmed the user compromised (risk level high).");
    }

    private async Task<ActionExecutionResult> RevokeGrantsAsync(ProposedAction action, CancellationToken cancellationToken)
    {
        var principal = await FindPrincipalAsync(action, cancellationToken).ConfigureAwait(false);
        if (principal?.Id is null)
        {
            return ExecutionResults.Failed($"No service principal in the tenant matches target '{action.Target.Key}'.");
        }

        var grants = await directory.GetDelegatedGrantsAsync(principal.Id, cancellationToken).ConfigureAwait(false);
        var previous = State(principal.Id, ("grants", JsonSerializer.Serialize(grants.Select(grant =>
            new { grant.Id, grant.ConsentType, grant.PrincipalId, grant.ResourceId, grant.Scope }))));
        if (grants.Count == 0)
        {
            return new ActionExecutionResult(ActionExecutionStatus.AlreadyInDesiredState, principal.Id, previous, "The application has no delegated permission grants.");
        }

        foreach (var grant in grants)
        {
            await directory.DeleteDelegatedGrantAsync(grant.Id!, cancellationToken).ConfigureAwait(false);
        }

        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, principal.Id, previous, $"Deleted {grants.Count} delegated permission grants.");
    }

    private async Task<ActionExecutionResult> DisableServicePrincipalAsync(ProposedAction action, CancellationToken cancellationToken)
    {
        var principal = await FindPrincipalAsync(action, cancellationToken).ConfigureAwait(false);
        if (principal?.Id is null)
        {
            return ExecutionResults.Failed($"No service principal in the tenant matches target '{action.Target.Key}'.");
        }

        if (principal.AppOwnerOrganizationId == MicrosoftTenantId)
        {
            return ExecutionResults.Failed($"Service principal '{principal.DisplayName}' belongs to a Microsoft first-party application, so disabling it is left to a person.");
        }

        if (principal.AccountEnabled == false)
        {
            return new ActionExecutionResult(ActionExecutionStatus.AlreadyInDesiredState, principal.Id,
                State(principal.Id, (AccountEnabled, "false")), "The service principal was already disabled; nothing was changed.");
        }

        await directory.SetServicePrincipalEnabledAsync(principal.Id, false, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, principal.Id, State(principal.Id, (AccountEnabled, "true")), "Disabled the service principal.");
    }

    /// <summary>The tenant that owns Microsoft first-party applications.</summary>
    private static readonly Guid MicrosoftTenantId = new("f8cdef31-a31e-4b4a-93e4-5f571e91255a");

    private async Task<ServicePrincipal?> FindPrincipalAsync(ProposedAction action, CancellationToken cancellationToken)
    {
        var appId = TargetEntities.AppId(action.Target);
        return appId is null ? null : await directory.FindServicePrincipalAsync(appId, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, string> State(string objectId, params (string Key, string Value)[] values)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal) { [ObjectId] = objectId };
        foreach (var (key, value) in values)
        {
            state[key] = value;
        }

        return state;
    }
}
