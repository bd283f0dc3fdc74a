using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Integrations;
using AiSoc.Integrations.Teams;
using AiSoc.Integrations.WriteBack;
using AiSoc.Functions.Incidents;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Narratives.Investigations;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Investigations;

/// <summary>
/// Registers what the investigation activities resolve in the function app: the options, playbooks, response
/// policy, tenant integrations or their safe stand-ins, and the notifier. The stores come from the table storage
/// registration, so the activities run with the same ports as the local runner, backed by tables.
/// </summary>
public static class InvestigationHostServices
{
    /// <summary>Folder under the app's base directory that the build copies the repository's playbooks into.</summary>
    public const string PlaybookFolder = "playbooks";

    /// <summary>Prefix of an app setting whose Key Vault reference did not resolve, such as a secret not set yet.</summary>
    public const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(";

    public static IServiceCollection AddInvestigationHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<InvestigationOptions>().Bind(configuration.GetSection(InvestigationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvestigationOptions>, InvestigationOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<InvestigationOptions>>().Value);
        services.AddOptions<ResponsePolicyOptions>().Bind(configuration.GetSection(ResponsePolicyOptions.SectionName));
        services.AddSingleton(provider => new ResponsePolicySource(provider.GetRequiredService<IOptions<ResponsePolicyOptions>>().Value));
        services.AddSingleton(_ => PlaybookLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, PlaybookFolder)));
        services.AddSingleton<InvestigationPlanner>();

        var identities = configuration.GetSection(IntegrationIdentities.SectionName).Get<IntegrationIdentities>() ?? new IntegrationIdentities();
        services.AddTenantIntegrations(SuppliedCredentials(services) ?? Credentials(identities));
        AddActionPorts(services, identities);
        AddNotifier(services, configuration, identities);
        return services;
    }

    // Without both identities, enrichment reads the alerts' own evidence and actions are recorded only, so an app
    // deployed before the permission script ran changes nothing in the tenant.
    private static void AddActionPorts(IServiceCollection services, IntegrationIdentities identities)
    {
        if (identities.IsConfigured)
        {
            services.AddSingleton(TenantInvestigationPorts.CreateEnricher);
            services.AddSingleton(TenantInvestigationPorts.CreateExecutor);
            return;
        }

        services.AddSingleton<IEntityEnricher, EvidenceEnricher>();
        services.AddSingleton<IResponseActionExecutor, DryRunActionExecutor>();
        services.AddSingleton<IValidateOptions<InvestigationOptions>, DryRunWithoutTenantValidator>();
    }

    // Approval cards and case reports carry the incident's narrative, as in the local runner. The narrative
    // decorators are registered last, so the activities resolve them.
    private static void AddNotifier(IServiceCollection services, IConfiguration configuration, IntegrationIdentities identities)
    {
        Func<IServiceProvider, INotifier> channel;
        var webhookUrl = configuration[$"{TeamsNotifierOptions.SectionName}:{nameof(TeamsNotifierOptions.WebhookUrl)}"];
        if (string.IsNullOrWhiteSpace(webhookUrl) || webhookUrl.StartsWith(UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<LoggingNotifier>();
            channel = provider => provider.GetRequiredService<LoggingNotifier>();
        }
        else
        {
            services.AddTeamsNotifier(configuration);
            channel = provider => provider.GetRequiredService<TeamsWorkflowNotifier>();
        }

        services.AddNarratives(configuration);
        services.AddSingleton<INotifier>(provider => new NarrativeApprovalNotifier(
            channel(provider), provider.GetRequiredService<InvestigationNarratives>(), provider.GetRequiredService<IApprovalStore>()));
        services.AddSingleton<ICaseRecordSink>(provider => new NarrativeCaseRecordSink(
            CaseStore(provider, identities), provider.GetRequiredService<InvestigationNarratives>()));
    }

    // With both identities and dry runs off, each finished case is also commented on its Sentinel incident with the
    // containment identity (Microsoft Sentinel Responder). A dry-run deployment writes nothing to the tenant.
    private static ICaseRecordSink CaseStore(IServiceProvider provider, IntegrationIdentities identities)
    {
        var store = provider.GetRequiredService<ICaseRecordStore>();
        if (!identities.IsConfigured || provider.GetRequiredService<InvestigationOptions>().DryRun)
        {
            return store;
        }

        return new SentinelCaseWriteBackSink(
            store,
            provider.GetRequiredService<SentinelIncidentWriter>(),
            provider.GetRequiredService<IOptions<SentinelOptions>>(),
            provider.GetRequiredService<ILogger<SentinelCaseWriteBackSink>>());
    }

    // A host that registers a TenantCredentials instance first, such as a test against a loopback tenant, uses it.
    private static TenantCredentials? SuppliedCredentials(IServiceCollection services) =>
        services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(TenantCredentials))?.ImplementationInstance as TenantCredentials;

    // Local runs without identities sign in as the developer (Azure CLI, Visual Studio, environment).
    private static TenantCredentials Credentials(IntegrationIdentities identities)
    {
        if (!identities.IsConfigured)
        {
            var developer = new DefaultAzureCredential();
            return new TenantCredentials(developer, developer);
        }

        return new TenantCredentials(ManagedIdentity(identities.EnrichmentClientId!), ManagedIdentity(identities.ContainmentClientId!));
    }

    private static ManagedIdentityCredential ManagedIdentity(string clientId) =>
        new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));

    private sealed class DryRunWithoutTenantValidator : IValidateOptions<InvestigationOptions>
    {
        public ValidateOptionsResult Validate(string? name, InvestigationOptions options) =>
            options.DryRun
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{InvestigationOptions.SectionName}:DryRun is false, but {IntegrationIdentities.SectionName}:EnrichmentClientId and ContainmentClientId are not both set; set them, or keep DryRun true.");
    }
}
