using System.Net;
using AiSoc.Core.Schema;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using ConfirmCompromisedBody = Microsoft.Graph.IdentityProtection.RiskyUsers.ConfirmCompromised.ConfirmCompromisedPostRequestBody;
using DismissBody = Microsoft.Graph.IdentityProtection.RiskyUsers.Dismiss.DismissPostRequestBody;

namespace AiSoc.Integrations.Graph;

/// <summary>
/// The Graph calls AiSoc makes, each translated to <see cref="TenantApiException"/> on failure with the
/// application permission it needs.
/// </summary>
public sealed class GraphDirectory(GraphServiceClient client, Microsoft.Extensions.Options.IOptions<GraphOptions> options)
{
    private static readonly string[] UserFields =
        ["id", "userPrincipalName", "displayName", "accountEnabled", "userType", "createdDateTime", "onPremisesSyncEnabled"];

    private readonly int maxRecentItems = options.Value.MaxRecentItems;

    /// <summary>Finds a user by object id first, then by UPN through <c>$filter</c>; null when neither is known.</summary>
    public async Task<User?> FindUserAsync(AccountEntity account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);

        if (account.ObjectId is not null)
        {
            var byId = await CallAsync("GET /users/{id}", "User.Read.All", allowNotFound: true, () =>
                client.Users[account.ObjectId].GetAsync(request => request.QueryParameters.Select = UserFields, cancellationToken)).ConfigureAwait(false);
            if (byId is not null)
            {
                return byId;
            }
        }

        if (account.Upn is null)
        {
            return null;
        }

        // A UPN goes into $filter, never into the path, because guest UPNs contain '#', which ends a URL path.
        var found = await CallAsync("GET /users?$filter=userPrincipalName", "User.Read.All", allowNotFound: true, () =>
            client.Users.GetAsync(request =>
            {
                request.QueryParameters.Filter = ODataFilter.EqualTo("userPrincipalName", account.Upn);
                request.QueryParameters.Select = UserFields;
                request.QueryParameters.Top = 2;
            }, cancellationToken)).ConfigureAwait(false);

        return found?.Value is [var single] ? single : null;
    }

    /// <summary>Returns the display names of the user's active directory role assignments, each with its privilege flag.</summary>
    public async Task<IReadOnlyList<(string Name, bool IsPrivileged)>> GetDirectoryRolesAsync(string userId, CancellationToken cancellationToken)
    {
        // NOTE: direct active assignments only. Roles reached through a role-assignable group or an eligible
        // (PIM) assignment are not listed, so a user without listed roles may still be able to become privileged.
        var assignments = await CallAsync("GET /roleManagement/directory/roleAssignments", "RoleManagement.Read.Directory", allowNotFound: false, () =>
            client.RoleManagement.Directory.RoleAssignments.GetAsync(request =>
            {
                request.QueryParameters.Filter = ODataFilter.EqualTo("principalId", userId);
                request.QueryParameters.Expand = ["roleDefinition"];
            }, cancellationToken)).ConfigureAwait(false);

        var roles = new List<(string, bool)>();
        foreach (var assignment in assignments?.Value ?? [])
        {
            var templateId = assignment.RoleDefinition?.TemplateId ?? assignment.RoleDefinitionId;
            var name = assignment.RoleDefinition?.DisplayName ?? templateId ?? "unknown role";
            roles.Add((name, PrivilegedRoles.IsPrivileged(templateId)));
        }

        return roles;
    }

    /// <summary>Returns the display names of the groups the user is a direct member of.</summary>
    public async Task<IReadOnlyList<string>> GetGroupNamesAsync(string userId, CancellationToken cancellationToken)
    {
        var memberOf = await CallAsync("GET /users/{id}/memberOf", "GroupMember.Read.All", allowNotFound: false, () =>
            client.Users[userId].MemberOf.GetAsync(request => request.QueryParameters.Top = 100, cancellationToken)).ConfigureAwait(false);

        return [.. (memberOf?.Value ?? []).OfType<Group>().Select(group => group.DisplayName ?? group.Id ?? "unnamed group")];
    }

    /// <summary>Returns the user's Identity Protection risk record; null when the user has never been at risk.</summary>
    public Task<RiskyUser?> GetRiskyUserAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("GET /identityProtection/riskyUsers/{id}", "IdentityRiskyUser.Read.All", allowNotFound: true, () =>
            client.IdentityProtection.RiskyUsers[userId].GetAsync(cancellationToken: cancellationToken));

    /// <summary>Returns the user's most recent risk detections.</summary>
    public async Task<IReadOnlyList<RiskDetection>> GetRiskDetectionsAsync(string userId, CancellationToken cancellationToken)
    {
        var detections = await CallAsync("GET /identityProtection/riskDetections", "IdentityRiskEvent.Read.All", allowNotFound: false, () =>
            client.IdentityProtection.RiskDetections.GetAsync(request =>
            {
                request.QueryParameters.Filter = ODataFilter.EqualTo("userId", userId);
                request.QueryParameters.Top = maxRecentItems;
            }, cancellationToken)).ConfigureAwait(false);

        return detections?.Value ?? [];
    }

    /// <summary>Returns the user's most recent sign-ins.</summary>
    public async Task<IReadOnlyList<SignIn>> GetSignInsAsync(string userId, CancellationToken cancellationToken)
    {
        var signIns = await CallAsync("GET /auditLogs/signIns", "AuditLog.Read.All", allowNotFound: false, () =>
            client.AuditLogs.SignIns.GetAsync(request =>
            {
                request.QueryParameters.Filter = ODataFilter.EqualTo("userId", userId);
                request.QueryParameters.Top = maxRecentItems;
            }, cancellationToken)).ConfigureAwait(false);

        return signIns?.Value ?? [];
    }

    /// <summary>Sets <c>accountEnabled</c> on a user.</summary>
    public Task SetUserEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken) =>
        CallAsync("PATCH /users/{id}", "User.EnableDisableAccount.All", allowNotFound: false, async () =>
        {
            await client.Users[userId].PatchAsync(new User { AccountEnabled = enabled }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Invalidates the user's refresh tokens and session cookies.</summary>
    public Task RevokeSessionsAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("POST /users/{id}/revokeSignInSessions", "User.RevokeSessions.All", allowNotFound: false, async () =>
        {
            await client.Users[userId].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Marks the user as confirmed compromised in Identity Protection (risk level high).</summary>
    public Task ConfirmCompromisedAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("POST /identityProtection/riskyUsers/confirmCompromised", "IdentityRiskyUser.ReadWrite.All", allowNotFound: false, async () =>
        {
            await client.IdentityProtection.RiskyUsers.ConfirmCompromised.PostAsync(new ConfirmCompromisedBody { UserIds = [userId] }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Dismisses the user's risk in Identity Protection.</summary>
    public Task DismissRiskAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("POST /identityProtection/riskyUsers/dismiss", "IdentityRiskyUser.ReadWrite.All", allowNotFound: false, async () =>
        {
            await client.IdentityProtection.RiskyUsers.Dismiss.PostAsync(new DismissBody { UserIds = [userId] }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Finds the tenant's service principal of an application (client) id; null when the tenant has none.</summary>
    public async Task<ServicePrincipal?> FindServicePrincipalAsync(string appId, CancellationToken cancellationToken)
    {
        var found = await CallAsync("GET /servicePrincipals?$filter=appId", "Application.Read.All", allowNotFound: true, () =>
            client.ServicePrincipals.GetAsync(request =>
            {
                request.QueryParameters.Filter = ODataFilter.EqualTo("appId", appId);
                request.QueryParameters.Select = ["id", "appId", "displayName", "accountEnabled", "appOwnerOrganizationId", "verifiedPublisher", "servicePrincipalType"];
            }, cancellationToken)).ConfigureAwait(false);

        return found?.Value is [var single] ? single : null;
    }

    /// <summary>Returns the delegated permission grants whose client is the service principal.</summary>
    public async Task<IReadOnlyList<OAuth2PermissionGrant>> GetDelegatedGrantsAsync(string servicePrincipalId, CancellationToken cancellationToken)
    {
        // Either permission lists grants. The enrichment identity has the read-only one, and containment the other.
        var grants = await CallAsync("GET /oauth2PermissionGrants", "Directory.Read.All (enrichment) or DelegatedPermissionGrant.ReadWrite.All (containment)", allowNotFound: false, () =>
            client.Oauth2PermissionGrants.GetAsync(request => request.QueryParameters.Filter = ODataFilter.EqualTo("clientId", servicePrincipalId), cancellationToken)).ConfigureAwait(false);

        return grants?.Value ?? [];
    }

    /// <summary>Deletes one delegated permission grant; a grant already gone counts as deleted.</summary>
    public Task DeleteDelegatedGrantAsync(string grantId, CancellationToken cancellationToken) =>
        CallAsync("DELETE /oauth2PermissionGrants/{id}", "DelegatedPermissionGrant.ReadWrite.All", allowNotFound: true, async () =>
        {
            await client.Oauth2PermissionGrants[grantId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Sets <c>accountEnabled</c> on a service principal, which stops or allows sign-ins to the application.</summary>
    public Task SetServicePrincipalEnabledAsync(string servicePrincipalId, bool enabled, CancellationToken cancellationToken) =>
        CallAsync("PATCH /servicePrincipals/{id}", "Application.ReadWrite.All", allowNotFound: false, async () =>
        {
            await client.ServicePrincipals[servicePrincipalId].PatchAsync(new ServicePrincipal { AccountEnabled = enabled }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    internal static async Task<T?> CallAsync<T>(string operation, string permission, bool allowNotFound, Func<Task<T?>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException error) when (allowNotFound && error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return default;
        }
        catch (ApiException error)
        {
            var detail = error is Microsoft.Graph.Models.ODataErrors.ODataError odata ? odata.Error?.Message ?? string.Empty : error.Message;
            throw new TenantApiException(operation, (HttpStatusCode)error.ResponseStatusCode, permission, detail, error);
        }
        catch (HttpRequestException error)
        {
            throw new TenantApiException(operation, error.StatusCode, permission, error.Message, error);
        }
        catch (AggregateException error) when (error.InnerExceptions.LastOrDefault() is ApiException last)
        {
            // The SDK's retry handler throws every attempt's error together once the retries are used up.
            throw new TenantApiException(operation, (HttpStatusCode)last.ResponseStatusCode, permission,
                $"Gave up after {error.InnerExceptions.Count} attempts.", error);
        }
    }
}
