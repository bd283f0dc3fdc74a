using System.Globalization;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

/// <summary>The Graph SDK's own retry handler, configured by <see cref="TenantIntegrationServices"/>, against the fake.</summary>
public sealed class GraphResilienceTests : IAsyncLifetime
{
    private static readonly string MeganPath = "/v1.0/users/" + LabTenant.MeganId;

    private TenantFixture fixture = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        LabTenant.Seed(fixture.Graph);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Enrich_ThrottledWithHttpDate_WaitsUntilDate()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        fixture.Graph.RetryAfter = until.ToString("R", CultureInfo.InvariantCulture);
        fixture.Graph.Throttle(MeganPath, 1);

        var result = await Enrich();

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        var attempts = fixture.Graph.RequestsAt("GET", MeganPath);
        Assert.Equal(2, attempts.Count);
        var wholeSecondDate = until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond));
        Assert.True(attempts[1].ReceivedAt >= wholeSecondDate, $"Retried at {attempts[1].ReceivedAt:O}, before {wholeSecondDate:O}.");
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData(null)]
    public async Task Enrich_ThrottledWithDecimalOrNoRetryAfter_WaitsAtLeastOneSecond(string? retryAfter)
    {
        fixture.Graph.RetryAfter = retryAfter;
        fixture.Graph.Throttle(MeganPath, 1);

        var result = await Enrich();

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        var attempts = fixture.Graph.RequestsAt("GET", MeganPath);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"Retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}.");
    }

    [Fact]
    public async Task Enrich_ServiceUnavailableThenSuccess_Retries()
    {
        fixture.Graph.Fail(MeganPath, 1, 503);

        var result = await Enrich();

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        Assert.Equal(2, fixture.Graph.RequestsAt("GET", MeganPath).Count);
    }

    [Fact]
    public async Task RevokeSessions_PostServiceUnavailable_NotRetried()
    {
        var path = MeganPath + "/revokeSignInSessions";
        fixture.Graph.Fail(path, 1, 503);
        var action = TenantFixture.Action(ResponseActionType.RevokeSessions, new AccountEntity { ObjectId = LabTenant.MeganId }, "oid:" + LabTenant.MeganId);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Single(fixture.Graph.RequestsAt("POST", path));
    }

    [Fact]
    public async Task Enrich_RetryAfterBeyondMaximum_NotRetried()
    {
        fixture.Graph.RetryAfter = "3600";
        fixture.Graph.Throttle(MeganPath, 1);

        var result = await Enrich();

        Assert.Equal(EnrichmentStatus.Failed, result.Status);
        Assert.Single(fixture.Graph.RequestsAt("GET", MeganPath));
    }

    private async Task<EntityEnrichment> Enrich()
    {
        var results = await fixture.GraphEnricher.EnrichAsync("inv-1", [new AccountEntity { ObjectId = LabTenant.MeganId }], CancellationToken.None);
        return Assert.Single(results);
    }
}
