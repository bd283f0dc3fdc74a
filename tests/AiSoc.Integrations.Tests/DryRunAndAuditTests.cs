using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Recording;
using AiSoc.Integrations.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Integrations.Tests;

public sealed class DryRunAndAuditTests : IAsyncLifetime
{
    private TenantFixture fixture = null!;
    private ServiceProvider audited = null!;
    private InMemoryAuditLog auditLog = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        LabTenant.Seed(fixture.Graph);
        LabTenant.Seed(fixture.Defender);
        auditLog = new InMemoryAuditLog(TimeProvider.System);
        audited = fixture.BuildSecondInstance(services => services.AddSingleton<IAuditLog>(auditLog));
    }

    public async Task DisposeAsync()
    {
        await audited.DisposeAsync();
        await fixture.DisposeAsync();
    }

    private AuditedActionExecutor Executor => audited.GetRequiredService<AuditedActionExecutor>();

    [Fact]
    public async Task DryRun_Isolate_RecordsExactPostWithoutSending()
    {
        var action = Isolate();

        var outcome = await Executor.ExecuteAsync(action, "analyst@contoso.com", dryRun: true, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.DryRun, outcome.Result.Status);
        Assert.Empty(fixture.Defender.RequestsTo("POST", "/api/machines/"));
        Assert.Empty(fixture.Defender.MachineActions);
        var write = Assert.Single(outcome.Calls, call => call.IsWrite);
        Assert.Equal("POST", write.Method);
        Assert.Equal(new Uri(fixture.Defender.BaseAddress, $"api/machines/{LabTenant.WorkstationId}/isolate").ToString(), write.Url);
        Assert.Contains("\"IsolationType\":\"Full\"", write.Body, StringComparison.Ordinal);
        Assert.Contains(Defender.IdempotencyMarker.For(action.IdempotencyKey), write.Body, StringComparison.Ordinal);
        Assert.False(write.Sent);
        Assert.Contains(write.Describe(), outcome.Result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_DisableUser_RecordsPatchOnly()
    {
        var action = TenantFixture.Action(ResponseActionType.DisableUser, new AccountEntity { ObjectId = LabTenant.MeganId }, "oid:" + LabTenant.MeganId);

        var outcome = await Executor.ExecuteAsync(action, "analyst@contoso.com", dryRun: true, CancellationToken.None);

        Assert.True(fixture.Graph.User(LabTenant.MeganId).AccountEnabled);
        Assert.Empty(fixture.Graph.RequestsTo("PATCH", "/v1.0/users/"));
        var write = Assert.Single(outcome.Calls, call => call.IsWrite);
        Assert.Equal("PATCH", write.Method);
        Assert.EndsWith("/v1.0/users/" + LabTenant.MeganId, write.Url, StringComparison.Ordinal);
        Assert.Equal("{\"@odata.type\":\"#microsoft.graph.user\",\"accountEnabled\":false}", write.Body);
    }

    [Fact]
    public async Task DryRun_Isolate_WritesAuditRecord()
    {
        await Executor.ExecuteAsync(Isolate(), "analyst@contoso.com", dryRun: true, CancellationToken.None);

        var record = Assert.Single(auditLog.Records);
        Assert.Equal("isolate-device-dry-run", record.Name);
        Assert.Equal("analyst@contoso.com", record.Actor);
        Assert.Equal("inv-1", record.InvestigationId);
        Assert.Contains(record.Inputs, pair => pair.Value == "not sent (dry run)");
        Assert.StartsWith("DryRun", record.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Isolate_AuditsApproverRequestsAndStatuses()
    {
        var outcome = await Executor.ExecuteAsync(Isolate(), "lead@contoso.com", dryRun: false, CancellationToken.None);

        var record = Assert.Single(auditLog.Records);
        Assert.Equal("isolate-device", record.Name);
        Assert.Equal("lead@contoso.com", record.Inputs["approvedBy"]);
        var postKey = Assert.Single(record.Inputs, pair => pair.Key.StartsWith("request", StringComparison.Ordinal) && pair.Value.StartsWith("POST ", StringComparison.Ordinal)).Key;
        Assert.Equal("201", record.Inputs[postKey.Replace("request", "response", StringComparison.Ordinal)]);
        Assert.Equal(outcome.Result.ProviderActionId, record.Inputs["providerActionId"]);
        Assert.Equal("false", record.Inputs["previousState.wasActive"]);
        Assert.StartsWith("Pending", record.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Isolate_AuditHoldsNoToken()
    {
        await Executor.ExecuteAsync(Isolate(), "lead@contoso.com", dryRun: false, CancellationToken.None);

        var record = Assert.Single(auditLog.Records);
        Assert.All(record.Inputs.Values, value => Assert.DoesNotContain(StaticTokenCredential.Token, value, StringComparison.Ordinal));
        Assert.DoesNotContain(StaticTokenCredential.Token, record.Outcome, StringComparison.Ordinal);
        Assert.All(fixture.Defender.Requests, request => Assert.Equal("Bearer " + StaticTokenCredential.Token, request.Authorization));
    }

    [Fact]
    public async Task Rollback_DisabledUser_AuditsRollback()
    {
        var action = TenantFixture.Action(ResponseActionType.DisableUser, new AccountEntity { ObjectId = LabTenant.MeganId }, "oid:" + LabTenant.MeganId);
        var executed = await Executor.ExecuteAsync(action, "lead@contoso.com", dryRun: false, CancellationToken.None);

        var rolledBack = await Executor.RollbackAsync(action, executed.Result, "lead@contoso.com", CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, rolledBack.Result.Status);
        Assert.True(fixture.Graph.User(LabTenant.MeganId).AccountEnabled);
        Assert.Equal("disable-user-rollback", auditLog.Records[^1].Name);
        Assert.Contains(auditLog.Records[^1].Inputs.Values, value => value.StartsWith("PATCH ", StringComparison.Ordinal) && value.Contains("\"accountEnabled\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RollbackDryRun_Isolated_RecordsRelease()
    {
        var action = Isolate();
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        await fixture.Executor.GetStatusAsync(action, executed.ProviderActionId!, CancellationToken.None);
        await fixture.Executor.GetStatusAsync(action, executed.ProviderActionId!, CancellationToken.None);

        var rehearsal = await fixture.Executor.RollbackDryRunAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.DryRun, rehearsal.Status);
        Assert.Contains($"would send POST {fixture.Defender.BaseAddress}api/machines/{LabTenant.WorkstationId}/unisolate", rehearsal.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Defender.RequestsTo("POST", $"/api/machines/{LabTenant.WorkstationId}/unisolate"));
    }

    [Theory]
    [InlineData("{\"client_secret\":\"abc\",\"indicatorValue\":\"203.0.113.7\"}", "{\"client_secret\":\"[redacted]\",\"indicatorValue\":\"203.0.113.7\"}")]
    [InlineData("{\"nested\":{\"access_token\":\"eyJ\"}}", "{\"nested\":{\"access_token\":\"[redacted]\"}}")]
    [InlineData("not json", "[8 characters, not JSON]")]
    public void Redaction_Body_MasksSecrets(string body, string expected)
    {
        var redacted = Redaction.Body(body);

        Assert.Equal(expected, redacted);
    }

    [Fact]
    public void Redaction_Url_MasksTokenParameters()
    {
        var redacted = Redaction.Url(new Uri("https://user:pw@example.test/path?sig=abc&$filter=x&access_token=t"));

        Assert.Equal("https://example.test/path?sig=[redacted]&$filter=x&access_token=[redacted]", redacted);
    }

    private static ProposedAction Isolate() =>
        TenantFixture.Action(ResponseActionType.IsolateDevice, new HostEntity { DefenderDeviceId = LabTenant.WorkstationId }, "mde:" + LabTenant.WorkstationId);
}
