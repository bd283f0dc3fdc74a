using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Tests.Support;
using AiSoc.FakeTenant;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Hosting;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Incidents;
using AiSoc.Functions.Tests.Support;
using AiSoc.Integrations;
using AiSoc.Investigations;
using AiSoc.Storage.Tests;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests.EndToEnd;

/// <summary>
/// The function app as <c>Program</c> wires it, on loopback and local parts only: the app's service registrations
/// over Azurite tables with a unique prefix, a fake Sentinel (ARM) server, and the investigation orchestration on
/// the in-process Durable Task host, whose worker resolves the activities from the same registrations.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    private AppUnderTest(FakeArmServer arm, ServiceProvider services, DurableTaskTestHost host, string workspace)
    {
        Arm = arm;
        Services = services;
        Host = host;
        Workspace = workspace;

        var options = new CallerAuthenticationOptions { TenantId = TestTokens.TenantId, Audience = TestTokens.Audience };
        options.AllowedApplicationIds.Add(TestTokens.LogicAppClientId);

        // The test tokens are signed for a fixed time, so only the caller check runs at that time.
        var authenticator = new EntraCallerAuthenticator(Options.Create(options), TestTokens.Metadata(), new FakeTimeProvider(TestTokens.Now));
        Webhook = new IncidentWebhookFunction(
            authenticator,
            services.GetRequiredService<SentinelIncidentIntake>(),
            services.GetRequiredService<IInvestigationStarterFactory>(),
            TimeProvider.System,
            NullLogger<IncidentWebhookFunction>.Instance);
        Status = new InvestigationStatusFunction(authenticator, services.GetRequiredService<IInvestigationStatusReaderFactory>(), NullLogger<InvestigationStatusFunction>.Instance);
    }

    public FakeArmServer Arm { get; }

    public ServiceProvider Services { get; }

    public DurableTaskTestHost Host { get; }

    public string Workspace { get; }

    public IncidentWebhookFunction Webhook { get; }

    public InvestigationStatusFunction Status { get; }

    public static async Task<AppUnderTest> StartAsync(string workspace, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var arm = new FakeArmServer();
        await arm.StartAsync();

        var settings = Settings(arm, workspace);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        Register(services, configuration);
        var provider = services.BuildServiceProvider();

        var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddInvestigationTasks(),
            new DurableTaskTestHostOptions
            {
                Port = FreeLoopbackPort(),
                ConfigureServices = worker => Register(worker, configuration),
            });
        return new AppUnderTest(arm, provider, host, workspace);
    }

    /// <summary>Waits until the investigation has finished and returns its final runtime status.</summary>
    public async Task<Microsoft.DurableTask.Client.OrchestrationMetadata> WaitForCompletionAsync(string investigationId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await Host.Client.WaitForInstanceCompletionAsync(investigationId, getInputsAndOutputs: true, limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Services.DisposeAsync();
        await Arm.DisposeAsync();
    }

    // The same registration the app runs, with a loopback credential in place of the managed identities.
    private static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var credential = new StaticArmCredential();
        services.AddSingleton(new TenantCredentials(credential, credential));
        services.AddAiSocFunctions(configuration);

        // Approver tokens are signed by a key of the test run in place of the tenant's OpenID Connect keys.
        services.AddSingleton(new ApproverSigningKeys(ApproverTokens.Metadata()));
    }

    /// <summary>Waits until the investigation's custom status shows <paramref name="stage"/> and returns that status.</summary>
    public async Task<AiSoc.Investigations.InvestigationStatus> WaitForStageAsync(string investigationId, string stage)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var metadata = await Host.Client.GetInstanceAsync(investigationId, getInputsAndOutputs: true, limit.Token);
            if (metadata?.SerializedCustomStatus is { } json
                && JsonSerializer.Deserialize<AiSoc.Investigations.InvestigationStatus>(json, StatusJson) is { } status
                && status.Stage == stage)
            {
                return status;
            }

            if (metadata is { IsCompleted: true })
            {
                throw new InvalidOperationException($"Investigation {investigationId} ended as {metadata.RuntimeStatus} before stage {stage}: {metadata.FailureDetails?.ErrorMessage}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }
    }

    private static Dictionary<string, string?> Settings(FakeArmServer arm, string workspace)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("local.settings.sample.json")));
        var settings = document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(value => value.Name, value => (string?)value.Value.GetString());

        settings["Storage:ConnectionString"] = AzuriteTables.ConnectionString;
        settings["Storage:TablePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..10];
        settings["Integrations:Sentinel:ArmBaseAddress"] = arm.BaseAddress.ToString();
        settings["Integrations:Sentinel:WorkspaceResourceId"] = workspace;
        settings["Investigations:HumanReviewTimeout"] = "00:00:02";
        settings["Investigations:ApprovalRecheckInterval"] = "00:00:01";
        settings["Investigations:VerifyPollInterval"] = "00:00:01";
        settings["Operations:HealthRefreshInterval"] = "01:00:00";
        return settings;
    }

    // The test host binds its sidecar to localhost on the given port.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Returns the body of a Sentinel REST example response from the public data set.</summary>
    public static JsonObject ExampleBody(string file) =>
        JsonNode.Parse(File.ReadAllText(SharedData.PathOf("sentinel/" + file)))!["responses"]!["200"]!["body"]!.AsObject();
}
