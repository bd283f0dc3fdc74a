using System.Globalization;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Graph;

/// <summary>
/// Enriches accounts and cloud applications from Microsoft Graph. Users get account state, directory roles, groups,
/// risk and recent sign-ins. Applications get state, publisher and delegated grants. Other kinds are skipped.
/// </summary>
public sealed class GraphEntityEnricher(GraphDirectory directory, ILogger<GraphEntityEnricher> logger) : IEntityEnricher
{
    public const string Source = TenantActionCatalog.GraphProvider;

    public async Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var results = new List<EntityEnrichment>();

        foreach (var entity in entities)
        {
            var enrichment = entity switch
            {
                AccountEntity account => await EnrichSafelyAsync(account, EnrichAccountAsync, cancellationToken).ConfigureAwait(false),
                CloudApplicationEntity app => await EnrichSafelyAsync(app, EnrichApplicationAsync, cancellationToken).ConfigureAwait(false),
                _ => null,
            };

            if (enrichment is not null)
            {
                results.Add(enrichment);
            }
        }

        return results;
    }

    private async Task<EntityEnrichment> EnrichSafelyAsync<T>(T entity, Func<T, string, CancellationToken, Task<EntityEnrichment>> enrich, CancellationToken cancellationToken)
        where T : Entity
    {
        var key = EntityKeys.Of(entity);
        try
        {
            return await enrich(entity, key, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantApiException error)
        {
            IntegrationLog.LookupFailed(logger, key, Source, error);
            return new EntityEnrichment(key, Source, EnrichmentStatus.Failed, new Dictionary<string, string>(), Message: error.Message);
        }
    }

    private async Task<EntityEnrichment> EnrichAccountAsync(AccountEntity account, string key, CancellationToken cancellationToken)
    {
        if (account.ObjectId is null && account.Upn is null)
        {
            return Unresolved(key, "The account has neither an object id nor a full UPN, so Graph cannot look it up.");
        }

        var user = await directory.FindUserAsync(account, cancellationToken).ConfigureAwait(false);
        if (user?.Id is null)
        {
            return Unresolved(key, "Microsoft Graph has no user with this object id or UPN; this is not evidence that the account is benign.");
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["objectId"] = user.Id,
            ["userPrincipalName"] = user.UserPrincipalName ?? string.Empty,
            ["displayName"] = user.DisplayName ?? string.Empty,
            ["accountEnabled"] = Text(user.AccountEnabled),
            ["userType"] = user.UserType ?? string.Empty,
            ["onPremisesSyncEnabled"] = Text(user.OnPremisesSyncEnabled),
        };

        var problems = new List<string>();

        // Privilege decides whether containment may run, so a failed role lookup leaves IsPrivileged unknown.
        bool? isPrivileged = null;
        await CollectAsync(problems, async () =>
        {
            var roles = await directory.GetDirectoryRolesAsync(user.Id, cancellationToken).ConfigureAwait(false);
            facts["directoryRoles"] = string.Join("; ", roles.Select(role => role.Name));
            facts["privilegedRoles"] = string.Join("; ", roles.Where(role => role.IsPrivileged).Select(role => role.Name));
            isPrivileged = roles.Any(role => role.IsPrivileged);
        }).ConfigureAwait(false);

        await CollectAsync(problems, async () =>
        {
            var groups = await directory.GetGroupNamesAsync(user.Id, cancellationToken).ConfigureAwait(false);
            facts["groups"] = string.Join("; ", groups);
        }).ConfigureAwait(false);

        await CollectAsync(problems, async () =>
        {
            var risky = await directory.GetRiskyUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
            facts["riskLevel"] = risky?.RiskLevel?.ToString() ?? "none";
            facts["riskState"] = risky?.RiskState?.ToString() ?? "none";
            facts["riskDetail"] = risky?.RiskDetail?.ToString() ?? string.Empty;
        }).ConfigureAwait(false);

        await CollectAsync(problems, async () =>
        {
            var detections = await directory.GetRiskDetectionsAsync(user.Id, cancellationToken).ConfigureAwait(false);
            facts["riskDetections"] = string.Join("; ", detections.Select(detection =>
                $"{detection.RiskEventType} {detection.RiskLevel} {Text(detection.DetectedDateTime)} from {detection.IpAddress}"));
        }).ConfigureAwait(false);

        await CollectAsync(problems, async () =>
        {
            var signIns = await directory.GetSignInsAsync(user.Id, cancellationToken).ConfigureAwait(false);
            facts["recentSignIns"] = string.Join("; ", signIns.Select(signIn =>
                $"{Text(signIn.CreatedDateTime)} {signIn.AppDisplayName} from {signIn.IpAddress} ({signIn.Location?.CountryOrRegion}) error {signIn.Status?.ErrorCode}"));
        }).ConfigureAwait(false);

        var message = problems.Count == 0 ? null : "Some facts are missing: " + string.Join(" ", problems);
        return new EntityEnrichment(key, Source, EnrichmentStatus.Resolved, facts, isPrivileged, message);
    }

    private async Task<EntityEnrichment> EnrichApplicationAsync(CloudApplicationEntity app, string key, CancellationToken cancellationToken)
    {
        if (app.AppId is null || !Guid.TryParse(app.AppId, out _))
        {
            return Unresolved(key, "The application has no Entra application (client) id, so Graph cannot look it up.");
        }

        var principal = await directory.FindServicePrincipalAsync(app.AppId, cancellationToken).ConfigureAwait(false);
        if (principal?.Id is null)
        {
            return Unresolved(key, "The tenant has no service principal for this application id; this is not evidence that the application is benign.");
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["servicePrincipalId"] = principal.Id,
            ["displayName"] = principal.DisplayName ?? string.Empty,
            ["accountEnabled"] = Text(principal.AccountEnabled),
            ["appOwnerOrganizationId"] = Text(principal.AppOwnerOrganizationId),
            ["verifiedPublisher"] = principal.VerifiedPublisher?.DisplayName ?? string.Empty,
            ["servicePrincipalType"] = principal.ServicePrincipalType ?? string.Empty,
        };

        var problems = new List<string>();
        await CollectAsync(problems, async () =>
        {
            var grants = await directory.GetDelegatedGrantsAsync(principal.Id, cancellationToken).ConfigureAwait(false);
            facts["delegatedGrants"] = grants.Count.ToString(CultureInfo.InvariantCulture);
            facts["delegatedScopes"] = string.Join("; ", grants.Select(grant => $"{grant.ConsentType}: {grant.Scope?.Trim()}"));
        }).ConfigureAwait(false);

        var message = problems.Count == 0 ? null : "Some facts are missing: " + string.Join(" ", problems);
        return new EntityEnrichment(key, Source, EnrichmentStatus.Resolved, facts, Message: message);
    }

    private static async Task CollectAsync(List<string> problems, Func<Task> lookup)
    {
        try
        {
            await lookup().ConfigureAwait(false);
        }
        catch (TenantApiException error)
        {
            problems.Add(error.Message);
        }
    }

    private static EntityEnrichment Unresolved(string key, string message) =>
        new(key, Source, EnrichmentStatus.Unresolved, new Dictionary<string, string>(), Message: message);

    private static string Text(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "unknown",
    };

    private static string Text(Guid? value) => value?.ToString() ?? string.Empty;

    private static string Text(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty;
}
