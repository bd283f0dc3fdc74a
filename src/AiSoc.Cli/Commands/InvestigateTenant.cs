using AiSoc.Core.Audit;
using AiSoc.Core.Response.Ports;
using AiSoc.FakeTenant;
using AiSoc.Integrations;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Recording;
using AiSoc.Integrations.WriteBack;
using AiSoc.Investigations.Services;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Cli.Commands;

/// <summary>
/// The tenant integrations of an investigate run: Graph and Defender enrichment combined into one enricher, and the
/// tenant executor behind the audit wrapper. It owns the in-process fake tenant when the run started one.
/// </summary>
internal sealed class InvestigateTenant : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InvestigateTenant(ServiceProvider services, FakeTenantHost? fake, bool isLoopback)
    {
        _services = services;
        Fake = fake;
        IsLoopback = isLoopback;
        Enricher = TenantInvestigationPorts.CreateEnricher(services);
        Executor = TenantInvestigationPorts.CreateExecutor(services);
    }

    /// <summary>The fake tenant this run started, or null for a tenant from a file.</summary>
    public FakeTenantHost? Fake { get; }

    /// <summary>True when every base URL is on a loopback address, so the tenant is a local test tenant.</summary>
    public bool IsLoopback { get; }

    public IEntityEnricher Enricher { get; }

    public IResponseActionExecutor Executor { get; }

    /// <summary>Starts the fake tenant on 127.0.0.1 with free ports and connects to it with a fixed fake token.</summary>
    public static async Task<InvestigateTenant> StartFakeAsync(IAuditLog audit)
    {
        var fake = await FakeTenantHost.StartAsync().ConfigureAwait(false);
        var urls = fake.Urls;
        var settings = new InvestigateTenantSettings
        {
            GraphBaseUrl = urls.GraphServiceRoot,
            DefenderBaseAddress = urls.DefenderBaseAddress,
            SentinelArmBaseAddress = urls.ArmBaseAddress,
            Credential = InvestigateTenantSettings.FakeCredential,
        };
        return new InvestigateTenant(Build(settings, audit), fake, isLoopback: true);
    }

    /// <summary>Connects to the tenant that <paramref name="settings"/> describes.</summary>
    public static InvestigateTenant Connect(InvestigateTenantSettings settings, IAuditLog audit) =>
        new(Build(settings, audit), fake: null, settings.IsLoopback);

    private static ServiceProvider Build(InvestigateTenantSettings settings, IAuditLog audit)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<GraphOptions>(options => options.BaseUrl = settings.GraphBaseUrl);
        services.Configure<DefenderOptions>(options => options.BaseAddress = settings.DefenderBaseAddress);
        if (settings.SentinelArmBaseAddress is { } arm)
        {
            services.Configure<SentinelOptions>(options => options.ArmBaseAddress = arm);
        }

        services.AddSingleton(audit);
        services.AddTenantIntegrations(Credentials(settings));
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static TenantCredentials Credentials(InvestigateTenantSettings settings)
    {
        switch (settings.Credential)
        {
            case InvestigateTenantSettings.FakeCredential:
                var fake = new InvestigateFakeTokenCredential();
                return new TenantCredentials(fake, fake);
            case InvestigateTenantSettings.AzureCliCredential:
                var cli = new AzureCliCredential();
                return new TenantCredentials(cli, cli);
            default:
                return new TenantCredentials(DefaultFor(settings.EnrichmentClientId), DefaultFor(settings.ContainmentClientId));
        }
    }

    private static DefaultAzureCredential DefaultFor(string? clientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        if (Fake is not null)
        {
            await Fake.DisposeAsync().ConfigureAwait(false);
        }
    }
}
