using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Integrations.Defender;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

public sealed class DefenderMachineActionTests : IAsyncLifetime
{
    private const string DeviceId = "a1b2c3d4e5f60718293a4b5c6d7e8f9011223344";
    private const string Sha1 = "3395856ce81f2b7382dee72602f798b642f14140";

    private TenantFixture fixture = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        fixture.Defender.AddMachine(DeviceId, "ws-01.contoso.com");
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Isolate_NoPendingAction_SendsKeyInComment()
    {
        var action = DeviceAction(ResponseActionType.IsolateDevice);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        var post = Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/isolate"));
        Assert.Contains(IdempotencyMarker.For(action.IdempotencyKey), post.Json!["Comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Full", post.Json!["IsolationType"]!.GetValue<string>());
        Assert.Equal("false", result.PreviousState![MachineActionRunner.WasActiveKey]);
    }

    [Fact]
    public async Task Isolate_PendingIsolation_AttachesWithoutSending()
    {
        var pending = fixture.Defender.AddMachineAction(DeviceId, "Isolate", "Pending");
        var action = DeviceAction(ResponseActionType.IsolateDevice);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        Assert.Equal(pending.Id, result.ProviderActionId);
        Assert.Empty(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/isolate"));
        var listing = Assert.Single(fixture.Defender.RequestsAt("GET", "/api/machineactions"), request => request.Query["$filter"].Contains("'Isolate'", StringComparison.Ordinal));
        Assert.Equal($"machineId eq '{DeviceId}' and type eq 'Isolate'", listing.Query["$filter"]);
    }

    [Fact]
    public async Task Isolate_Replayed_ReturnsFirstActionWithoutSending()
    {
        var action = DeviceAction(ResponseActionType.IsolateDevice);
        var first = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var second = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(first.ProviderActionId, second.ProviderActionId);
        Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/isolate"));
        Assert.Single(fixture.Defender.MachineActions);
    }

    [Fact]
    public async Task Isolate_AlreadyInProgressResponse_Attaches()
    {
        fixture.Defender.RaceNextPost = true;
        var action = DeviceAction(ResponseActionType.IsolateDevice);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        var other = Assert.Single(fixture.Defender.MachineActions);
        Assert.Equal(other.Id, result.ProviderActionId);
        Assert.Equal("requested-by-other", result.PreviousState![MachineActionRunner.WasActiveKey]);
    }

    [Fact]
    public async Task Isolate_DeviceAlreadyIsolated_ReturnsAlreadyInDesiredState()
    {
        fixture.Defender.AddMachineAction(DeviceId, "Isolate", "Succeeded");
        var action = DeviceAction(ResponseActionType.IsolateDevice);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, result.Status);
        Assert.Empty(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/isolate"));
    }

    [Fact]
    public async Task GetStatus_Polled_PendingUntilSucceeded()
    {
        var action = DeviceAction(ResponseActionType.IsolateDevice);
        var started = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var statuses = new List<ActionExecutionStatus>();
        for (var poll = 0; poll < 5; poll++)
        {
            var status = (await fixture.Executor.GetStatusAsync(action, started.ProviderActionId!, CancellationToken.None)).Status;
            statuses.Add(status);
            if (status != ActionExecutionStatus.Pending)
            {
                break;
            }
        }

        Assert.Equal([ActionExecutionStatus.Pending, ActionExecutionStatus.Succeeded], statuses);
    }

    [Fact]
    public async Task Rollback_IsolationPending_CancelsAndSendsNoRelease()
    {
        var action = DeviceAction(ResponseActionType.IsolateDevice);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, rolledBack.Status);
        Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machineactions/{executed.ProviderActionId}/cancel"));
        Assert.Empty(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/unisolate"));
        Assert.Equal("Cancelled", fixture.Defender.MachineActions.Single().Status);
    }

    [Fact]
    public async Task Rollback_IsolationSucceeded_SendsOneRelease()
    {
        var action = DeviceAction(ResponseActionType.IsolateDevice);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        fixture.Defender.MachineActions.Single().Status = "Succeeded";

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);
        var replayed = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, rolledBack.Status);
        Assert.Equal(rolledBack.ProviderActionId, replayed.ProviderActionId);
        Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/unisolate"));
        Assert.Empty(fixture.Defender.RequestsTo("POST", "/api/machineactions/"));
    }

    [Fact]
    public async Task Rollback_DeviceIsolatedBeforehand_SendsNoRelease()
    {
        fixture.Defender.AddMachineAction(DeviceId, "Isolate", "Succeeded");
        var action = DeviceAction(ResponseActionType.IsolateDevice);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, rolledBack.Status);
        Assert.Empty(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/unisolate"));
    }

    [Fact]
    public async Task Rollback_RestrictionSucceeded_SendsUnrestrict()
    {
        var action = DeviceAction(ResponseActionType.RestrictAppExecution);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        fixture.Defender.MachineActions.Single().Status = "Succeeded";

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, rolledBack.Status);
        Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/restrictCodeExecution"));
        var release = Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/unrestrictCodeExecution"));
        Assert.Contains(IdempotencyMarker.ForRollback(action.IdempotencyKey), release.Json!["Comment"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAvScan_Rollback_HasNothingToUndo()
    {
        var action = DeviceAction(ResponseActionType.RunAvScan);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, executed.Status);
        Assert.Equal("Quick", fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/runAntiVirusScan").Single().Json!["ScanType"]!.GetValue<string>());
        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, rolledBack.Status);
    }

    [Fact]
    public async Task Isolate_MissingPermission_NamesPermission()
    {
        fixture.Defender.Forbid($"/api/machines/{DeviceId}/isolate");
        var action = DeviceAction(ResponseActionType.IsolateDevice);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("Machine.Isolate", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolate_DeviceByDnsName_ResolvesDevice()
    {
        var host = new HostEntity { Fqdn = "ws-01.contoso.com" };
        var action = TenantFixture.Action(ResponseActionType.IsolateDevice, host, "fqdn:ws-01.contoso.com");

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/isolate"));
    }

    [Fact]
    public async Task StopAndQuarantine_OnlySha256_FailsWithoutCalling()
    {
        var file = new FileEntity { Sha256 = new string('a', 64) };
        var action = TenantFixture.Action(ResponseActionType.StopAndQuarantineFile, file, "sha256:" + file.Sha256);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("SHA-1", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Defender.Requests);
    }

    [Fact]
    public async Task StopAndQuarantine_Sha1_RunsOnReportingDevice()
    {
        fixture.Defender.AddFileOnMachine(Sha1, DeviceId);
        var file = new FileEntity { Sha1 = Sha1 };
        var action = TenantFixture.Action(ResponseActionType.StopAndQuarantineFile, file, "sha1:" + Sha1);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        var post = Assert.Single(fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/StopAndQuarantineFile"));
        Assert.Equal(Sha1, post.Json!["Sha1"]!.GetValue<string>());
        Assert.Contains(IdempotencyMarker.For(action.IdempotencyKey), post.Json!["Comment"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolate_Throttled_WaitsForRetryAfter()
    {
        fixture.Defender.Throttle($"/api/machines/{DeviceId}/isolate", 1);
        var action = DeviceAction(ResponseActionType.IsolateDevice);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Pending, result.Status);
        var attempts = fixture.Defender.RequestsAt("POST", $"/api/machines/{DeviceId}/isolate");
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "The retry came before Retry-After: 1 had passed.");
        Assert.Single(fixture.Defender.MachineActions);
    }

    [Fact]
    public async Task Enrich_AlwaysThrottled_StopsAfterMaxRetries()
    {
        fixture.Defender.Throttle("/api/machines/", 100);

        var results = await fixture.DefenderEnricher.EnrichAsync("inv-1", [new HostEntity { DefenderDeviceId = DeviceId }], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(EnrichmentStatus.Failed, result.Status);
        Assert.Equal(3, fixture.Defender.RequestsAt("GET", $"/api/machines/{DeviceId}").Count);
        Assert.Contains("429", result.Message, StringComparison.Ordinal);
    }

    private static ProposedAction DeviceAction(ResponseActionType type) =>
        TenantFixture.Action(type, new HostEntity { DefenderDeviceId = DeviceId, Fqdn = "ws-01.contoso.com" }, "mde:" + DeviceId);
}
