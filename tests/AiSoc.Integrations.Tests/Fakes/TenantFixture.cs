using AiSoc.FakeTenant;
using AiSoc.Core.Response;
using AiSoc.Core.Schema;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Tests.Fakes;

/// <summary>Both fakes started, and the real clients registered as in production but pointed at the fakes.</summary>
public sealed class TenantFixture : IAsyncDisposable
{
    private TenantFixture(FakeGraphServer graph, FakeDefenderServer defender, ServiceProvider services, StaticTokenCredential credential)
    {
        Credential = credential;
        Graph = graph;
        Defender = defender;
        Services = services;
    }

    public FakeGraphServer Graph { get; }

    public FakeDefenderServer Defender { get; }

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
        await graph.StartAsync();
        await defender.StartAsync();

        var credential = new StaticTokenCredential();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.Configure<GraphOptions>(options =>
        {
            options.BaseUrl = graph.ServiceRoot;
            options.MaxRetries = maxRetries;
        });
        services.Configure<DefenderOptions>(options =>
        {
            options.BaseAddress = defender.BaseAddress;
            options.MaxRetries = maxRetries;
            configureDefender?.Invoke(options);
        });
        services.AddTenantIntegrations(credential, credential);

        return new TenantFixture(graph, defender, services.BuildServiceProvider(validateScopes: true), credential);
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
    }
}
