using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

public sealed class DefenderEnricherTests : IAsyncLifetime
{
    private const string DeviceId = "a1b2c3d4e5f60718293a4b5c6d7e8f9011223344";

    private TenantFixture fixture = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        fixture.Defender.AddMachine(DeviceId, "ws-01.contoso.com");
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Enrich_KnownDevice_ReturnsDetailsAlertsAndUsers()
    {
        var result = await Enrich(new HostEntity { DefenderDeviceId = DeviceId });

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        Assert.Equal("ws-01.contoso.com", result.Facts["computerDnsName"]);
        Assert.Equal("1", result.Facts["alerts"]);
        Assert.Equal("CONTOSO\\alice", result.Facts["logonUsers"]);
        Assert.False(result.IsPrivileged);
    }

    [Fact]
    public async Task Enrich_UnknownDevice_IsUnresolved()
    {
        var result = await Enrich(new HostEntity { DefenderDeviceId = new string('0', 40) });

        Assert.Equal(EnrichmentStatus.Unresolved, result.Status);
        Assert.Contains("not evidence", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_UnknownFile_IsUnresolved()
    {
        var result = await Enrich(new FileEntity { Sha1 = new string('c', 40) });

        Assert.Equal(EnrichmentStatus.Unresolved, result.Status);
    }

    [Fact]
    public async Task Enrich_MissingPermission_NamesPermission()
    {
        fixture.Defender.Forbid("/api/machines/");

        var result = await Enrich(new HostEntity { DefenderDeviceId = DeviceId });

        Assert.Equal(EnrichmentStatus.Failed, result.Status);
        Assert.Contains("Machine.Read.All", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_Requests_CarryTokenFromOneCredential()
    {
        await Enrich(new HostEntity { DefenderDeviceId = DeviceId });
        await Enrich(new IpEntity { Address = "203.0.113.7" });

        Assert.All(fixture.Defender.Requests, request => Assert.Equal("Bearer " + StaticTokenCredential.Token, request.Authorization));
        Assert.Equal(1, fixture.Credential.Calls);
    }

    private async Task<EntityEnrichment> Enrich(Entity entity)
    {
        var results = await fixture.DefenderEnricher.EnrichAsync("inv-1", [entity], CancellationToken.None);
        return Assert.Single(results);
    }
}
