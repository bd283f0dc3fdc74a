using System.Globalization;
using System.Text.Json.Nodes;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Resilience;
using AiSoc.Integrations.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Integrations.Tests;

public sealed class DefenderResilienceTests : IAsyncLifetime
{
    private const string DeviceId = LabTenant.WorkstationId;
    private static readonly string IsolatePath = $"/api/machines/{DeviceId}/isolate";

    private TenantFixture fixture = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        LabTenant.Seed(fixture.Defender);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Theory]
    [InlineData("1")]
    [InlineData("0.3")]
    public async Task Isolate_ThrottledWithSeconds_WaitsAtLeastOneSecond(string retryAfter)
    {
        fixture.Defender.RetryAfter = retryAfter;
        fixture.Defender.Throttle(IsolatePath, 1);

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        var posts = fixture.Defender.RequestsAt("POST", IsolatePath);
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"Retried after {posts[1].ReceivedAt - posts[0].ReceivedAt}.");
    }

    [Fact]
    public async Task Isolate_ThrottledWithHttpDate_WaitsUntilDate()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        fixture.Defender.RetryAfter = until.ToString("R", CultureInfo.InvariantCulture);
        fixture.Defender.Throttle(IsolatePath, 1);

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        var posts = fixture.Defender.RequestsAt("POST", IsolatePath);
        Assert.Equal(2, posts.Count);
        var wholeSecondDate = until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond));
        Assert.True(posts[1].ReceivedAt >= wholeSecondDate, $"Retried at {posts[1].ReceivedAt:O}, before {wholeSecondDate:O}.");
    }

    [Fact]
    public async Task Isolate_ThrottledWithoutRetryAfter_BacksOffAndRetries()
    {
        fixture.Defender.RetryAfter = null;
        fixture.Defender.Throttle(IsolatePath, 1);

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        Assert.Equal(2, fixture.Defender.RequestsAt("POST", IsolatePath).Count);
    }

    [Fact]
    public async Task Isolate_RetryAfterBeyondMaximum_FailsWithoutRetrying()
    {
        fixture.Defender.RetryAfter = "3600";
        fixture.Defender.Throttle(IsolatePath, 1);

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("429", result.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Defender.RequestsAt("POST", IsolatePath));
    }

    [Fact]
    public async Task GetMachine_ServerErrorThenSuccess_Retries()
    {
        fixture.Defender.Fail($"/api/machines/{DeviceId}", 1, 503);

        var machine = await fixture.DefenderApi.GetMachineAsync(DeviceId, CancellationToken.None);

        Assert.Equal(DeviceId, machine!.Id);
        Assert.Equal(2, fixture.Defender.RequestsAt("GET", $"/api/machines/{DeviceId}").Count);
    }

    [Fact]
    public async Task Isolate_PostFailedBeforeChange_RequeriesThenSendsOnce()
    {
        fixture.Defender.Fail(IsolatePath, 1, 503);

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        Assert.Equal(2, fixture.Defender.RequestsAt("POST", IsolatePath).Count);
        Assert.Single(fixture.Defender.MachineActions);
    }

    [Fact]
    public async Task Isolate_ResponseLostAfterChange_AttachesWithoutResending()
    {
        fixture.Defender.LoseResponse(IsolatePath);

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        Assert.Single(fixture.Defender.RequestsAt("POST", IsolatePath));
        var created = Assert.Single(fixture.Defender.MachineActions);
        Assert.Equal(created.Id, result.ProviderActionId);
    }

    [Fact]
    public async Task Isolate_CrashBeforeRecording_NewInstanceAttaches()
    {
        var action = Isolate();
        _ = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        await using var restarted = fixture.BuildSecondInstance();

        var replayed = await restarted.GetRequiredService<TenantActionExecutor>().ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Single(fixture.Defender.RequestsAt("POST", IsolatePath));
        Assert.Equal(fixture.Defender.MachineActions.Single().Id, replayed.ProviderActionId);
        Assert.Equal(ActionExecutionStatus.Pending, replayed.Status);
    }

    [Fact]
    public async Task Isolate_MinuteBudgetUsedUp_FailsWithoutSending()
    {
        await using var instance = fixture.BuildSecondInstance();
        var counter = instance.GetRequiredService<IActionRateCounter>();
        var now = DateTimeOffset.UtcNow;
        foreach (var minute in new[] { now, now.AddMinutes(1) })
        {
            var window = BlastRadiusGate.WindowStart(minute, TimeSpan.FromMinutes(1));
            for (var i = 0; i < DefenderRateBudget.PerMinute; i++)
            {
                await BlastRadiusGate.TryReserveAsync(counter, "defender-machine-actions-minute", window, DefenderRateBudget.PerMinute);
            }
        }

        var result = await instance.GetRequiredService<TenantActionExecutor>().ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("100 calls a minute", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Defender.RequestsAt("POST", IsolatePath));
    }

    [Fact]
    public async Task Isolate_SharedCounter_CountsCallsOfBothInstances()
    {
        var counter = new InMemoryActionRateCounter();
        await using var first = fixture.BuildSecondInstance(services => services.AddSingleton<IActionRateCounter>(counter));
        await using var second = fixture.BuildSecondInstance(services => services.AddSingleton<IActionRateCounter>(counter));
        fixture.Defender.AddMachine("0000000000000000000000000000000000000001", "ws-02.contoso.com");

        await first.GetRequiredService<TenantActionExecutor>().ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);
        await second.GetRequiredService<TenantActionExecutor>().ExecuteAsync(Isolate("0000000000000000000000000000000000000001"), dryRun: false, CancellationToken.None);

        var window = BlastRadiusGate.WindowStart(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        Assert.Equal(2, (await counter.GetAsync("defender-machine-actions-hour", window)).Count);
    }

    [Fact]
    public async Task Isolate_Forbidden_NamesPermissionWithoutRetrying()
    {
        fixture.Defender.Forbid(IsolatePath, "Forbidden");

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Contains("grant the application permission Machine.Isolate", result.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Defender.RequestsAt("POST", IsolatePath));
    }

    [Fact]
    public async Task ListMachineActions_DocumentedResponse_ParsesEveryAction()
    {
        var body = await File.ReadAllTextAsync(SharedData.PathOf("defender/mde_docs_machineactions_list_response.json"));
        var documented = JsonNode.Parse(body)!["value"]!.AsArray();
        fixture.Defender.RespondVerbatim("GET", "/api/machineactions", 200, body);

        var actions = await fixture.DefenderApi.ListMachineActionsAsync("f46b9bb259ed4a7fb9981b73510e3cc7aa81ec1f", "CollectInvestigationPackage", CancellationToken.None);

        Assert.Equal(documented.Count, actions.Count);
        Assert.Contains(actions, action => action.Id == "69dc3630-1ccc-4342-acf3-35286eec741d" && action.Status == MachineActionStatus.Succeeded);
    }

    [Fact]
    public async Task Isolate_DocumentedBadRequestBody_FailsWithDocumentedMessage()
    {
        var bodies = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.PathOf("defender/mde_docs_api_error_examples.json")))!.AsArray();
        var badRequest = bodies.Single(body => body!["_http_status"]?.GetValue<int>() == 400)!.AsObject();
        badRequest.Remove("_http_status");
        fixture.Defender.RespondVerbatim("POST", IsolatePath, 400, badRequest.ToJsonString());

        var result = await fixture.Executor.ExecuteAsync(Isolate(), dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains(badRequest["error"]!["message"]!.GetValue<string>(), result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMachine_DocumentedNotFoundBody_ReturnsNull()
    {
        var bodies = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.PathOf("defender/mde_docs_api_error_examples.json")))!.AsArray();
        var notFound = bodies.Single(body => body!["_http_status"]?.GetValue<int>() == 404)!.AsObject();
        notFound.Remove("_http_status");
        fixture.Defender.UseErrorBody(404, notFound.ToJsonString());

        var machine = await fixture.DefenderApi.GetMachineAsync("123123123", CancellationToken.None);

        Assert.Null(machine);
    }

    private static ProposedAction Isolate(string deviceId = DeviceId) =>
        TenantFixture.Action(ResponseActionType.IsolateDevice, new HostEntity { DefenderDeviceId = deviceId }, "mde:" + deviceId);
}
