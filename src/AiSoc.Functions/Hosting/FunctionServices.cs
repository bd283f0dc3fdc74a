using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Response;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Investigations;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Operations;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tuning;
using AiSoc.Storage;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AiSoc.Functions.Hosting;

/// <summary>Registers the services of the function app; every options section is validated at start-up.</summary>
public static class FunctionServices
{
    public static IServiceCollection AddAiSocFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        AddOptions<AlertStreamOptions>(services, configuration, AlertStreamOptions.SectionName);
        AddOptions<GraphPollingOptions>(services, configuration, GraphPollingOptions.SectionName);
        AddOptions<CallerAuthenticationOptions>(services, configuration, CallerAuthenticationOptions.SectionName);
        services.AddOptions<TableStorageOptions>().Bind(configuration.GetSection(TableStorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>();

        services.AddSingleton(provider => CreateTableService(provider.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.AddSingleton(provider => new StorageTables(
            provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix));
        services.AddHostedService<TableInitializer>();
        AddStores(services);
        services.AddTableStateStores();
        services.AddInvestigationHost(configuration);

        services.AddSingleton(_ => new EventRecordNormalizer(KnownFormats.CreateRegistry()));
        services.AddSingleton<AlertStreamIngestor>();
        services.AddSingleton<IGraphSecurityFeed, UnconfiguredGraphSecurityFeed>();
        services.AddGraphSecurityFeed();
        services.AddSingleton<GraphSecurityPoller>();
        services.AddSingleton<InMemoryInvestigationStarter>();
        services.AddSingleton<IInvestigationStarter>(provider => provider.GetRequiredService<InMemoryInvestigationStarter>());
        AddInvestigationStarter(services, configuration);
        services.AddSentinelIncidentIntake(configuration);
        services.AddInvestigationStatus(configuration);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider => new ConfigurationManager<OpenIdConnectConfiguration>(
            provider.GetRequiredService<IOptions<CallerAuthenticationOptions>>().Value.ResolveMetadataAddress(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = true }));
        services.AddSingleton<EntraCallerAuthenticator>();
        services.AddScheduledTuning(configuration);
        AddApprovalPage(services, configuration);
        AddOperations(services, configuration);
        return services;
    }

    // The hub name setting is what host.json reads for the Durable Task extension, so its presence means the host
    // runs orchestrations; without it, the in-memory starter records requests and starts nothing.
    private static void AddInvestigationStarter(IServiceCollection services, IConfiguration configuration)
    {
        if (DurableTaskSettings.IsConfigured(configuration))
        {
            services.AddSingleton<IInvestigationStarterFactory, DurableInvestigationStarterFactory>();
        }
        else
        {
            services.AddSingleton<IInvestigationStarterFactory, InMemoryInvestigationStarterFactory>();
        }
    }

    private static void AddApprovalPage(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalRouteOptions>().Bind(configuration.GetSection(ApprovalRouteOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalRouteOptions>, ApprovalRouteOptionsValidator>();
        services.AddSingleton(provider => new ApproverSigningKeys(new ConfigurationManager<OpenIdConnectConfiguration>(
            provider.GetRequiredService<IOptions<ApprovalRouteOptions>>().Value.Authentication.ResolveMetadataAddress(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = true })));
        services.AddSingleton<ApprovalPageFactory>();
    }

    private static void AddOperations(IServiceCollection services, IConfiguration configuration)
    {
        AddOptions<OperationsOptions>(services, configuration, OperationsOptions.SectionName);
        services.AddMetrics();
        services.AddSingleton(provider => new PendingApprovalQuery(Table(provider, StorageTableNames.Approvals)));
        services.AddSingleton(provider => new StorageProbe(Table(provider, StorageTableNames.Watermarks)));
        services.AddSingleton<PipelineHealthCollector>();
        services.AddSingleton<PipelineMetrics>();
        services.AddHostedService<PipelineHealthRefresher>();
    }

    private static void AddStores(IServiceCollection services)
    {
        services.AddSingleton<IApprovalStore>(provider => new TableApprovalStore(Table(provider, StorageTableNames.Approvals)));
        services.AddSingleton<IActionRateCounter>(provider => new TableActionRateCounter(Table(provider, StorageTableNames.RateCounters)));
        services.AddSingleton<IAuditLog>(provider => new TableAuditLog(Table(provider, StorageTableNames.Audit), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAlertStore>(provider => new TableAlertStore(Table(provider, StorageTableNames.Alerts)));
        services.AddSingleton<IDeadLetterStore>(provider => new TableDeadLetterStore(Table(provider, StorageTableNames.DeadLetters)));
        services.AddSingleton<IWatermarkStore>(provider => new TableWatermarkStore(Table(provider, StorageTableNames.Watermarks)));
        services.AddSingleton<IIngestionLedger>(provider => new TableIngestionLedger(Table(provider, StorageTableNames.Ingestion)));
    }

    private static void AddOptions<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    private static TableClient Table(IServiceProvider provider, string name) =>
        provider.GetRequiredService<StorageTables>().Get(name);

    private static TableServiceClient CreateTableService(TableStorageOptions options) =>
        !string.IsNullOrWhiteSpace(options.TableServiceUri)
            ? new TableServiceClient(new Uri(options.TableServiceUri), new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!)))
            : new TableServiceClient(options.ConnectionString);
}
