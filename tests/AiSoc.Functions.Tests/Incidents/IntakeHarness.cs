using System.Text;
using AiSoc.FakeTenant;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Tests.Support;
using AiSoc.Integrations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests.Incidents;

/// <summary>
/// The incident webhook as the host wires it: a fake ARM server on loopback, the real ARM reader client from
/// <c>AddTenantIntegrations</c>, <c>AddSentinelIncidentIntake</c>, an in-memory store, and both starters.
/// </summary>
internal sealed class IntakeHarness : IAsyncDisposable
{
    private readonly IncidentWebhookFunction _function;
    private readonly IncidentWebhookFunction _durableFunction;

    private IntakeHarness(FakeArmServer arm, ServiceProvider services, string workspace, RecordingDurableTaskClient durableClient)
    {
        Arm = arm;
        Services = services;
        Workspace = workspace;
        DurableClient = durableClient;
        Store = (RecordingInvestigationStore)services.GetRequiredService<IInvestigationStore>();

        var time = new FakeTimeProvider(TestTokens.Now);
        var options = new CallerAuthenticationOptions { TenantId = TestTokens.TenantId, Audience = TestTokens.Audience };
        options.AllowedApplicationIds.Add(TestTokens.LogicAppClientId);
        var authenticator = new EntraCallerAuthenticator(Options.Create(options), TestTokens.Metadata(), time);
        var intake = services.GetRequiredService<SentinelIncidentIntake>();
        _function = new IncidentWebhookFunction(authenticator, intake, new InMemoryInvestigationStarterFactory(Starter), time, NullLogger<IncidentWebhookFunction>.Instance);
        var durableStarters = new DurableInvestigationStarterFactory(NullLogger<DurableInvestigationStarter>.Instance);
        _durableFunction = new IncidentWebhookFunction(authenticator, intake, durableStarters, time, NullLogger<IncidentWebhookFunction>.Instance);
    }

    public FakeArmServer Arm { get; }

    public ServiceProvider Services { get; }

    /// <summary>ARM id of the configured workspace.</summary>
    public string Workspace { get; }

    public RecordingInvestigationStore Store { get; }

    public InMemoryInvestigationStarter Starter { get; } = new(NullLogger<InMemoryInvestigationStarter>.Instance);

    public RecordingDurableTaskClient DurableClient { get; }

    public static async Task<IntakeHarness> StartAsync(string workspace)
    {
        var arm = new FakeArmServer();
        await arm.StartAsync();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:Sentinel:ArmBaseAddress"] = arm.BaseAddress.ToString(),
            ["Integrations:Sentinel:WorkspaceResourceId"] = workspace,
            ["Integrations:Sentinel:MaxRetries"] = "1",
            ["Integrations:Sentinel:RetryBaseDelay"] = "00:00:00.050",
        }).Build();
        var durableClient = new RecordingDurableTaskClient();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IInvestigationStore>(new RecordingInvestigationStore(durableClient));
        var credential = new StaticArmCredential();
        services.AddTenantIntegrations(new TenantCredentials(credential, credential));
        services.AddSentinelIncidentIntake(configuration);
        return new IntakeHarness(arm, services.BuildServiceProvider(validateScopes: true), workspace, durableClient);
    }

    /// <summary>Returns the ARM path of incident <paramref name="name"/> of the configured workspace.</summary>
    public string IncidentPath(string name) => Workspace + "/providers/Microsoft.SecurityInsights/incidents/" + name;

    /// <summary>Posts <paramref name="body"/> with a valid token through the in-memory starter, or the Durable one.</summary>
    public async Task<(IActionResult Result, HttpContext Context)> PostAsync(string body, bool durable = false, string? token = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + (token.Length == 0 ? TestTokens.Create() : token);
        }

        var result = durable
            ? await _durableFunction.RunAsync(context.Request, DurableClient, CancellationToken.None)
            : await _function.RunAsync(context.Request, null, CancellationToken.None);
        return (result, context);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await DurableClient.DisposeAsync();
        await Arm.DisposeAsync();
    }

    /// <summary>
    /// An in-memory <see cref="IInvestigationStore"/> that records, for each save, how many events the Durable client
    /// had raised by then, so a test can check that the save came first.
    /// </summary>
    internal sealed class RecordingInvestigationStore(RecordingDurableTaskClient client) : IInvestigationStore
    {
        private readonly InMemoryInvestigationStore _inner = new();

        public List<(string TriageKey, string IncidentId, int EventsRaisedBefore)> Saves { get; } = [];

        public Task SaveAsync(string triageKey, StoredIncident incident, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(incident);
            Saves.Add((triageKey, incident.Incident.Id, client.RaisedEvents.Count));
            return _inner.SaveAsync(triageKey, incident, cancellationToken);
        }

        public Task<StoredIncident?> GetAsync(string triageKey, string incidentId, CancellationToken cancellationToken = default) =>
            _inner.GetAsync(triageKey, incidentId, cancellationToken);
    }
}
