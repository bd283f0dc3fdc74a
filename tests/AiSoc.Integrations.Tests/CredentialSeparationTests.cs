using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Tests.Fakes;
using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Tests;

public sealed class CredentialSeparationTests
{
    [Fact]
    public async Task AddTenantIntegrations_TwoCredentials_ReadsAndActsWithEach()
    {
        await using var tenant = await FakeTenantHost.StartAsync();
        var reader = new StaticTokenCredential("read-token");
        var actor = new StaticTokenCredential("act-token");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.Configure<GraphOptions>(options => options.BaseUrl = tenant.Urls.GraphServiceRoot);
        services.Configure<DefenderOptions>(options => options.BaseAddress = tenant.Urls.DefenderBaseAddress);
        services.Configure<SentinelOptions>(options => options.ArmBaseAddress = tenant.Urls.ArmBaseAddress);
        services.AddTenantIntegrations(new TenantCredentials(Enrichment: reader, Containment: actor));
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var megan = new AccountEntity { ObjectId = LabTenant.MeganId };
        var device = new HostEntity { DefenderDeviceId = LabTenant.WorkstationId };

        await provider.GetRequiredService<GraphEntityEnricher>().EnrichAsync("inv-1", [megan], CancellationToken.None);
        await provider.GetRequiredService<DefenderEntityEnricher>().EnrichAsync("inv-1", [device], CancellationToken.None);
        var enrichmentRequests = tenant.Graph.Requests.Count + tenant.Defender.Requests.Count;
        await provider.GetRequiredService<TenantActionExecutor>().ExecuteAsync(
            TenantFixture.Action(ResponseActionType.DisableUser, megan, "oid:" + LabTenant.MeganId), dryRun: false, CancellationToken.None);
        await provider.GetRequiredService<TenantActionExecutor>().ExecuteAsync(
            TenantFixture.Action(ResponseActionType.IsolateDevice, device, "mde:" + LabTenant.WorkstationId), dryRun: false, CancellationToken.None);

        var all = tenant.Graph.Requests.Concat(tenant.Defender.Requests).OrderBy(request => request.ReceivedAt).ToList();
        Assert.All(all.Take(enrichmentRequests), request => Assert.Equal("Bearer read-token", request.Authorization));
        Assert.All(all.Skip(enrichmentRequests), request => Assert.Equal("Bearer act-token", request.Authorization));
        Assert.Contains(all, request => request.Method == "PATCH" && request.Authorization == "Bearer act-token");
        Assert.False(tenant.Graph.User(LabTenant.MeganId).AccountEnabled);
    }

    [Fact]
    public void SentinelOptions_PlainHttpToNonLoopback_Rejected()
    {
        var result = new SentinelOptionsValidator().Validate(null, new SentinelOptions { ArmBaseAddress = new Uri("http://management.example.test") });

        Assert.True(result.Failed);
        Assert.Contains("ArmBaseAddress", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SentinelOptions_SovereignCloud_Valid()
    {
        var result = new SentinelOptionsValidator().Validate(null, new SentinelOptions { ArmBaseAddress = new Uri("https://management.usgovcloudapi.net") });

        Assert.True(result.Succeeded);
    }
}
