using System.Globalization;
using System.Text.Json.Nodes;
using AiSoc.Core.Tests.Support;
using AiSoc.FakeTenant;
using AiSoc.Functions.Graph;
using AiSoc.Integrations;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Tests.Graph;

/// <summary>
/// The fake Graph on loopback and the real <see cref="GraphSecurityFeed"/> registered as in production: the enrichment
/// <c>GraphServiceClient</c> of <see cref="TenantIntegrationServices"/>, pointed at the fake.
/// </summary>
public sealed class GraphFeedFixture : IAsyncDisposable
{
    public const string AlertFile = "defender/elastic_m365_defender_graph_alerts_v2_test-alert.ndjson";
    public const string IncidentFile = "defender/xsoar_graph_security_incidents_list_response.json";
    public const string AlertsPath = "/v1.0/security/alerts_v2";
    public const string IncidentsPath = "/v1.0/security/incidents";

    private GraphFeedFixture(FakeGraphServer graph, ServiceProvider services)
    {
        Graph = graph;
        Services = services;
    }

    public FakeGraphServer Graph { get; }

    public ServiceProvider Services { get; }

    public IGraphSecurityFeed Feed => Services.GetRequiredService<IGraphSecurityFeed>();

    public static async Task<GraphFeedFixture> StartAsync(int pageSize = 50)
    {
        var graph = new FakeGraphServer();
        await graph.StartAsync();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.Configure<GraphOptions>(options =>
        {
            options.BaseUrl = graph.ServiceRoot;
            options.MaxRetries = 2;
            options.RetryDelaySeconds = 1;
        });
        services.Configure<GraphPollingOptions>(options => options.PageSize = pageSize);
        var credential = new FixedTokenCredential();
        services.AddTenantIntegrations(new TenantCredentials(credential, credential));
        services.AddSingleton<IGraphSecurityFeed, UnconfiguredGraphSecurityFeed>();
        services.AddGraphSecurityFeed();
        return new GraphFeedFixture(graph, services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Returns the real Graph alert (alerts_v2) from the public test data, as its JSON text.</summary>
    public static string RealAlertJson() =>
        File.ReadLines(SharedData.PathOf(AlertFile)).Single(line => line.Trim().Length > 0);

    /// <summary>
    /// Returns a copy of the real alert with its own id and provider alert id (suffix <paramref name="number"/>) and
    /// the given <c>lastUpdateDateTime</c>; every other field is the published one.
    /// </summary>
    public static string AlertVariant(int number, DateTimeOffset lastUpdate, string? status = null)
    {
        var alert = JsonNode.Parse(RealAlertJson())!.AsObject();
        var id = alert["id"]!.GetValue<string>() + "-" + number.ToString(CultureInfo.InvariantCulture);
        alert["id"] = id;
        alert["providerAlertId"] = id;
        alert["lastUpdateDateTime"] = lastUpdate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        if (status is not null)
        {
            alert["status"] = status;
        }

        return alert.ToJsonString();
    }

    /// <summary>Returns the real Graph incidents from the public test data, one JSON text each.</summary>
    public static IReadOnlyList<string> RealIncidentJson()
    {
        var list = JsonNode.Parse(File.ReadAllText(SharedData.PathOf(IncidentFile)))!["value"]!.AsArray();
        return [.. list.Select(item => item!.ToJsonString())];
    }

    public static DateTimeOffset RealAlertLastUpdate() =>
        DateTimeOffset.Parse(JsonNode.Parse(RealAlertJson())!["lastUpdateDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>A credential that returns a fixed token and never contacts a token endpoint.</summary>
    private sealed class FixedTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
