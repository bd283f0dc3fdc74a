using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Sentinel;
using AiSoc.Integrations.Tests.Fakes;
using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Tests.Sentinel;

public sealed class SentinelIncidentReaderTests : IAsyncLifetime
{
    private readonly StaticTokenCredential _readCredential = new("read-token");
    private readonly StaticTokenCredential _actCredential = new("act-token");
    private FakeArmServer _arm = null!;
    private ServiceProvider _services = null!;
    private JsonObject _incidentResource = null!;
    private string _workspace = null!;

    public async Task InitializeAsync()
    {
        _arm = await StartArmAsync();

        _incidentResource = ExampleBody("GetIncidentById_2024-09-01.json").AsObject();
        var id = _incidentResource["id"]!.GetValue<string>();
        _workspace = id[..id.IndexOf(SentinelWorkspaceIds.IncidentsSegment, StringComparison.OrdinalIgnoreCase)];
        var incident = _arm.AddIncident(_workspace, _incidentResource);
        incident.Alerts.AddRange(ExampleBody("GetAllIncidentAlerts_2024-09-01.json")["value"]!.AsArray().Select(item => item!.AsObject()));
        incident.Entities.AddRange(ExampleBody("GetAllIncidentEntities_2024-09-01.json")["entities"]!.AsArray().Select(item => item!.AsObject()));

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.Configure<SentinelOptions>(options =>
        {
            options.ArmBaseAddress = _arm.BaseAddress;
            options.WorkspaceResourceId = _workspace;
            options.MaxRetries = 2;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        });
        services.AddTenantIntegrations(new TenantCredentials(Enrichment: _readCredential, Containment: _actCredential));
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _arm.DisposeAsync();
    }

    private string IncidentName => _incidentResource["name"]!.GetValue<string>();

    private string IncidentPath => _workspace + SentinelWorkspaceIds.IncidentsSegment + IncidentName;

    private SentinelIncidentReader Reader => new(
        _services.GetRequiredService<IHttpClientFactory>().CreateClient(TenantIntegrationServices.ArmReadHttpClientName),
        _services.GetRequiredService<IOptions<SentinelOptions>>());

    [Fact]
    public async Task ReadAsync_ExampleIncident_ReturnsAlertsAndEntities()
    {
        var snapshot = await Reader.ReadAsync(Reader.Resolve(_incidentResource["id"]!.GetValue<string>(), null), CancellationToken.None);

        Assert.Equal(IncidentName, snapshot.Incident["name"]!.GetValue<string>());
        Assert.Equal("My incident", snapshot.Incident["properties"]!["title"]!.GetValue<string>());
        Assert.Equal("baa8a239-6fde-4ab7-a093-d09f7b75c58c", Assert.Single(snapshot.Alerts)["properties"]!["systemAlertId"]!.GetValue<string>());
        Assert.Equal("Account", Assert.Single(snapshot.Entities)["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadAsync_Requests_UseApiVersion()
    {
        await Reader.ReadAsync(Reader.Resolve(null, IncidentName), CancellationToken.None);

        var requests = _arm.Requests;
        Assert.Equal(["GET", "POST", "POST"], requests.Select(request => request.Method));
        Assert.Equal([IncidentPath, IncidentPath + "/alerts", IncidentPath + "/entities"], requests.Select(request => request.Path));
        Assert.All(requests, request => Assert.Equal("?api-version=" + FakeArmServer.ApiVersion, request.RawQuery));
    }

    [Fact]
    public async Task ReadAsync_TwoCredentials_SendsEnrichmentToken()
    {
        await Reader.ReadAsync(Reader.Resolve(null, IncidentName), CancellationToken.None);

        Assert.All(_arm.Requests, request => Assert.Equal("Bearer read-token", request.Authorization));
        Assert.Equal(0, _actCredential.Calls);
    }

    [Fact]
    public async Task ReadAsync_UnknownIncident_ThrowsNotFound()
    {
        var unknown = Reader.Resolve(null, "00000000-0000-4000-8000-000000000404");

        var error = await Assert.ThrowsAsync<TenantApiException>(() => Reader.ReadAsync(unknown, CancellationToken.None));

        Assert.True(error.IsNotFound);
        Assert.Contains("00000000-0000-4000-8000-000000000404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ArmKeepsFailing_ThrowsWithStatus()
    {
        _arm.Fail(IncidentPath, count: 10, status: 500);

        var error = await Assert.ThrowsAsync<TenantApiException>(() => Reader.ReadAsync(Reader.Resolve(null, IncidentName), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, _arm.RequestsAt("GET", IncidentPath).Count);
    }

    [Fact]
    public async Task ReadAsync_ThrottledOnce_Retries()
    {
        _arm.RetryAfter = "0";
        _arm.Throttle(IncidentPath + "/alerts", 1);

        var snapshot = await Reader.ReadAsync(Reader.Resolve(null, IncidentName), CancellationToken.None);

        Assert.Single(snapshot.Alerts);
        Assert.Equal(2, _arm.RequestsAt("POST", IncidentPath + "/alerts").Count);
    }

    [Fact]
    public async Task ReadAsync_Forbidden_NamesReaderRole()
    {
        _arm.Forbid(IncidentPath, "AuthorizationFailed");

        var error = await Assert.ThrowsAsync<TenantApiException>(() => Reader.ReadAsync(Reader.Resolve(null, IncidentName), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("Microsoft Sentinel Reader", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OtherWorkspace_Throws()
    {
        var other = "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/rg-other/providers/Microsoft.OperationalInsights/workspaces/law-other"
            + SentinelWorkspaceIds.IncidentsSegment + IncidentName;

        var error = Assert.Throws<SentinelIncidentIdException>(() => Reader.Resolve(other, IncidentName));

        Assert.Contains(_workspace, error.Message, StringComparison.Ordinal);
        Assert.Contains("WorkspaceResourceId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../../../providers/Microsoft.Authorization/roleAssignments")]
    [InlineData("/73e01a99-5cd7-4139-a149-9f2736ff2ab5/comments/x")]
    [InlineData("/73e01a99?api-version=2020-01-01")]
    [InlineData("/")]
    public void Resolve_NotAnIncidentPath_Throws(string suffix)
    {
        var id = _workspace + "/providers/Microsoft.SecurityInsights/incidents" + suffix;

        var error = Assert.Throws<SentinelIncidentIdException>(() => Reader.Resolve(id, null));

        Assert.Contains("invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_IdInOtherCase_KeepsConfiguredWorkspace()
    {
        var id = (_workspace + "/providers/Microsoft.SecurityInsights/Incidents/" + IncidentName).ToUpperInvariant();

        var resolved = Reader.Resolve(id, null);

        Assert.Equal(_workspace, resolved.WorkspaceResourceId);
        Assert.Equal(IncidentName.ToUpperInvariant(), resolved.Name);
    }

    [Fact]
    public void Resolve_NoWorkspaceConfigured_ThrowsNamingSetting()
    {
        using var http = new HttpClient();
        var reader = new SentinelIncidentReader(http, Options.Create(new SentinelOptions()));

        var error = Assert.Throws<InvalidOperationException>(() => reader.Resolve(null, IncidentName));

        Assert.Contains("Integrations:Sentinel:WorkspaceResourceId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToIncidentRecord_CoreRegistry_KeepsAlertsAndEntities()
    {
        var snapshot = await Reader.ReadAsync(Reader.Resolve(null, IncidentName), CancellationToken.None);
        using var document = JsonDocument.Parse(snapshot.ToIncidentRecord().ToJsonString());

        var normalizer = KnownFormats.CreateRegistry().Find(document.RootElement);
        var result = normalizer!.Normalize(document.RootElement, new RawRecordRef("arm", 0));

        Assert.Equal("sentinel-incident", normalizer.Format);
        Assert.Equal(IncidentName, result.Incident!.ProviderIncidentId);
        Assert.Equal("baa8a239-6fde-4ab7-a093-d09f7b75c58c", Assert.Single(result.Alerts).ProviderAlertId);
        var account = Assert.IsType<AccountEntity>(Assert.Single(result.Incident.Entities));
        Assert.Equal("administrator", account.Name);
    }

    [Theory]
    [InlineData("/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-soc")]
    [InlineData("/subscriptions/9d3b6f2e-1a4c-4e8b-b7d5-3c2a1f0e9d8b/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1")]
    [InlineData("law-soc-prod")]
    public void OptionsValidator_InvalidWorkspaceResourceId_Fails(string workspace)
    {
        var result = new SentinelOptionsValidator().Validate(null, new SentinelOptions { WorkspaceResourceId = workspace });

        Assert.True(result.Failed);
        Assert.Contains("WorkspaceResourceId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidator_LabWorkspace_Succeeds()
    {
        var result = new SentinelOptionsValidator().Validate(null, new SentinelOptions { WorkspaceResourceId = LabTenant.SentinelWorkspacePath });

        Assert.True(result.Succeeded);
    }

    private static async Task<FakeArmServer> StartArmAsync()
    {
        var arm = new FakeArmServer();
        await arm.StartAsync();
        return arm;
    }

    private static JsonNode ExampleBody(string file) =>
        JsonNode.Parse(File.ReadAllText(SharedData.PathOf("sentinel/" + file)))!["responses"]!["200"]!["body"]!;
}
