using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

public sealed class GraphActionTests : IAsyncLifetime
{
    private const string AliceId = "11111111-1111-1111-1111-111111111111";

    private TenantFixture fixture = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        fixture.Graph.AddUser(AliceId, "alice@contoso.com");
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task DisableUser_EnabledAccount_SavesPreviousState()
    {
        var action = UserAction(ResponseActionType.DisableUser);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, result.Status);
        Assert.False(fixture.Graph.User(AliceId).AccountEnabled);
        Assert.Equal("true", result.PreviousState!["accountEnabled"]);
        var patch = Assert.Single(fixture.Graph.RequestsAt("PATCH", "/v1.0/users/" + AliceId));
        Assert.False(patch.Json!["accountEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DisableUser_AlreadyDisabled_ReturnsAlreadyInDesiredState()
    {
        fixture.Graph.User(AliceId).AccountEnabled = false;
        var action = UserAction(ResponseActionType.DisableUser);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, result.Status);
        Assert.Equal("false", result.PreviousState!["accountEnabled"]);
        Assert.Empty(fixture.Graph.RequestsTo("PATCH", "/v1.0/users/"));
    }

    [Fact]
    public async Task Rollback_AccountDisabledBeforehand_StaysDisabled()
    {
        fixture.Graph.User(AliceId).AccountEnabled = false;
        var action = UserAction(ResponseActionType.DisableUser);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, rolledBack.Status);
        Assert.False(fixture.Graph.User(AliceId).AccountEnabled);
        Assert.Empty(fixture.Graph.RequestsTo("PATCH", "/v1.0/users/"));
    }

    [Fact]
    public async Task Rollback_AccountDisabledByAction_EnablesAgain()
    {
        var action = UserAction(ResponseActionType.DisableUser);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, rolledBack.Status);
        Assert.True(fixture.Graph.User(AliceId).AccountEnabled);
    }

    [Fact]
    public async Task DisableUser_PrivilegedUser_LeftToPerson()
    {
        fixture.Graph.User(AliceId).Roles.Add((FakeGraphServer.GlobalAdministratorTemplateId, "Global Administrator"));
        var action = UserAction(ResponseActionType.DisableUser);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("Global Administrator", result.Message, StringComparison.Ordinal);
        Assert.True(fixture.Graph.User(AliceId).AccountEnabled);
    }

    [Fact]
    public async Task RevokeSessions_RoleLookupForbidden_FailsWithoutActing()
    {
        fixture.Graph.Forbid("/v1.0/roleManagement/");
        var action = UserAction(ResponseActionType.RevokeSessions);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("RoleManagement.Read.Directory", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Graph.RequestsTo("POST", "/v1.0/users/"));
    }

    [Fact]
    public async Task RevokeSessions_PostForbidden_NamesPermission()
    {
        fixture.Graph.Forbid("/v1.0/users/" + AliceId + "/revokeSignInSessions");
        var action = UserAction(ResponseActionType.RevokeSessions);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("User.RevokeSessions.All", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmCompromised_AtRiskUser_RollbackDismisses()
    {
        fixture.Graph.User(AliceId).RiskState = "atRisk";
        var action = UserAction(ResponseActionType.ConfirmUserCompromised);

        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        var afterExecute = fixture.Graph.User(AliceId).RiskState;
        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, executed.Status);
        Assert.Equal("confirmedCompromised", afterExecute);
        Assert.Equal("atRisk", executed.PreviousState!["riskState"]);
        Assert.Equal(ActionExecutionStatus.Succeeded, rolledBack.Status);
        Assert.Equal("dismissed", fixture.Graph.User(AliceId).RiskState);
    }

    [Fact]
    public async Task ConfirmCompromised_AlreadyConfirmed_RollbackKeepsIt()
    {
        fixture.Graph.User(AliceId).RiskState = "confirmedCompromised";
        var action = UserAction(ResponseActionType.ConfirmUserCompromised);

        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, executed.Status);
        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, rolledBack.Status);
        Assert.Equal("confirmedCompromised", fixture.Graph.User(AliceId).RiskState);
    }

    [Fact]
    public async Task DisableUser_DryRun_SendsNoWrite()
    {
        var action = UserAction(ResponseActionType.DisableUser);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: true, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.DryRun, result.Status);
        Assert.All(fixture.Graph.Requests, request => Assert.Equal("GET", request.Method));
        Assert.Contains("would send PATCH ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ManualTask_ReturnsManualTask()
    {
        var action = UserAction(ResponseActionType.ManualTask);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.ManualTask, result.Status);
        Assert.Empty(fixture.Graph.Requests);
    }

    private static ProposedAction UserAction(ResponseActionType type) =>
        TenantFixture.Action(type, new AccountEntity { ObjectId = AliceId, Upn = "alice@contoso.com" }, "oid:" + AliceId);
}
