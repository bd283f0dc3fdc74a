using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

public sealed class GraphApplicationActionTests : IAsyncLifetime
{
    private const string AppId = "55555555-5555-5555-5555-555555555555";

    private TenantFixture fixture = null!;
    private FakeServicePrincipal principal = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        principal = fixture.Graph.AddServicePrincipal(new FakeServicePrincipal { Id = "sp-1", AppId = AppId });
        principal.Grants["grant-1"] = "Mail.Read offline_access";
        principal.Grants["grant-2"] = "Files.Read.All";
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task RevokeGrants_TwoGrants_DeletesBothAndKeepsThem()
    {
        var action = AppAction(ResponseActionType.RevokeOAuthGrants);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, result.Status);
        Assert.Empty(principal.Grants);
        Assert.Equal(2, fixture.Graph.RequestsTo("DELETE", "/v1.0/oauth2PermissionGrants/").Count);
        Assert.Contains("Mail.Read offline_access", result.PreviousState!["grants"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeGrants_Rollback_IsManualTask()
    {
        var action = AppAction(ResponseActionType.RevokeOAuthGrants);
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.ManualTask, rolledBack.Status);
        Assert.Empty(fixture.Graph.RequestsTo("POST", "/v1.0/oauth2PermissionGrants"));
    }

    [Fact]
    public async Task DisableServicePrincipal_Enabled_DisablesAndRollbackEnables()
    {
        var action = AppAction(ResponseActionType.DisableServicePrincipal);

        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        var disabledAfterExecute = !principal.AccountEnabled;
        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, executed.Status);
        Assert.True(disabledAfterExecute);
        Assert.Equal(ActionExecutionStatus.Succeeded, rolledBack.Status);
        Assert.True(principal.AccountEnabled);
    }

    [Fact]
    public async Task DisableServicePrincipal_AlreadyDisabled_RollbackKeepsDisabled()
    {
        principal.AccountEnabled = false;
        var action = AppAction(ResponseActionType.DisableServicePrincipal);

        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);
        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, executed.Status);
        Assert.Equal(ActionExecutionStatus.AlreadyInDesiredState, rolledBack.Status);
        Assert.False(principal.AccountEnabled);
        Assert.Empty(fixture.Graph.RequestsTo("PATCH", "/v1.0/servicePrincipals/"));
    }

    [Fact]
    public async Task DisableServicePrincipal_MicrosoftApplication_LeftToPerson()
    {
        var microsoft = fixture.Graph.AddServicePrincipal(new FakeServicePrincipal
        {
            Id = "sp-ms",
            AppId = "00000003-0000-0000-c000-000000000000",
            AppOwnerOrganizationId = Guid.Parse("f8cdef31-a31e-4b4a-93e4-5f571e91255a"),
        });
        var app = new CloudApplicationEntity { AppId = microsoft.AppId };
        var action = TenantFixture.Action(ResponseActionType.DisableServicePrincipal, app, "appid:" + microsoft.AppId);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.True(microsoft.AccountEnabled);
    }

    [Fact]
    public async Task Enrich_Application_ListsDelegatedScopes()
    {
        var results = await fixture.GraphEnricher.EnrichAsync("inv-1", [new CloudApplicationEntity { AppId = AppId }], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        Assert.Equal("2", result.Facts["delegatedGrants"]);
    }

    private static ProposedAction AppAction(ResponseActionType type) =>
        TenantFixture.Action(type, new CloudApplicationEntity { AppId = AppId }, "appid:" + AppId);
}
