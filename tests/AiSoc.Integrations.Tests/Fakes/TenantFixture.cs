using AiSoc.FakeTenant;
using AiSoc.Core.Response;
using AiSoc.Core.Schema;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Tests.Fakes;

/// <summary>Both fakes started, and the real clients registered as in production but pointed at the fakes.</summary>
public sealed class TenantFixture : IAsyncDisposable
{
    private readonly int maxRetries;
    private readonly Action<DefenderOptions>? configureDefender;

    private TenantFixture(
        FakeGraphServer graph, FakeDefenderServer defender, FakeArmServer arm, ServiceProvider services, StaticTokenCredential credential, int maxRetries, Action<DefenderOptions>? configureDefender)
    {
        Arm = arm;
        this.maxRetries = maxRetries;
        this.configureDefender = configureDefender;
        Credential = credential;
        Graph = graph;
        Defender = defender;
        Services = services;
    }

    public FakeGraphServer Graph { get; }

    public FakeDefenderServer Defender { get; }

    public FakeArmServer Arm { get; }

    public ServiceProvider Services { get; }

    public StaticTokenCredential Credential { get; }

    public TenantActionExecutor Executor => Services.GetRequiredService<TenantActionExecutor>();

    public GraphEntityEnricher GraphEnricher => Services.GetRequiredService<GraphEntityEnricher>();

    public DefenderEntityEnricher DefenderEnricher => Services.GetRequiredService<DefenderEntityEnricher>();

    public DefenderApiClient DefenderApi => Services.GetRequiredService<DefenderApiClient>();

    public static async Task<TenantFixture> StartAsync(int maxRetries = 2, Action<DefenderOptions>? configureDefender = null)
    {
        var graph = new FakeGraphServer();
        var defender = new FakeDefenderServer();
        var arm = new FakeArmServer();
        await graph.StartAsync();
        await defender.StartAsync();
        await arm.StartAsync();

        var credential = new StaticTokenCredential();
        var provider = BuildServices(graph, defender, arm, credential, maxRetries, configureDefender);
        return new TenantFixture(graph, defender, arm, provider, credential, maxRetries, configureDefender);
    }

    /// <summary>Builds a second, independent set of clients and executors on the same fakes, as another process would.</summary>
    public ServiceProvider BuildSecondInstance(Action<IServiceCollection>? configure = null) =>
        BuildServices(Graph, Defender, Arm, Credential, maxRetries, configureDefender, configure);

    private static ServiceProvider BuildServices(
        FakeGraphServer graph, FakeDefenderServer defender, FakeArmServer arm, StaticTokenCredential credential, int maxRetries,
        Action<DefenderOptions>? configureDefender, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.Configure<GraphOptions>(options =>
        {
            options.BaseUrl = graph.ServiceRoot;
            options.MaxRetries = maxRetries;
            options.RetryDelaySeconds = 1;
        });
        services.Configure<DefenderOptions>(options =>
        {
            options.BaseAddress = defender.BaseAddress;
            options.MaxRetries = maxRetries;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
            configureDefender?.Invoke(options);
        });
        services.Configure<SentinelOptions>(options =>
        {
            options.ArmBaseAddress = arm.BaseAddress;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
        });
        configure?.Invoke(services);
        services.AddTenantIntegrations(credential, credential);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Builds a proposed action on <paramref name="entity"/>, whose target id is <paramref name="targetId"/> (<c>prefix:value</c>).</summary>
    public static ProposedAction Action(ResponseActionType type, Entity entity, string targetId, string investigationId = "inv-1")
    {
        var target = new ActionTarget(entity.Kind, targetId, targetId) { Entity = entity };
        return new ProposedAction
        {
            ActionId = ActionCatalog.Name(type),
            Type = type,
            Target = target,
            Impact = ImpactLevel.High,
            AutoRun = false,
            ApprovalTimeout = TimeSpan.FromHours(1),
            EscalateTo = "soc-lead",
            IdempotencyKey = $"{investigationId}|{ActionCatalog.Name(type)}|{target.Key}",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Graph.DisposeAsync();
        await Defender.DisposeAsync();
        await Arm.DisposeAsync();
    }
}
