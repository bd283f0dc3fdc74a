using AiSoc.Core.Audit;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;
using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models.Security;

namespace AiSoc.Integrations.Tests;

public sealed class GraphAlertWriteBackTests : IAsyncLifetime
{
    private const string Key = "inv-7|resolve-alert|alert:1";
    private static readonly string AlertId = LabTenant.GraphAlertIds[1];
    private static readonly string AlertPath = "/v1.0/security/alerts_v2/" + AlertId;

    private TenantFixture fixture = null!;
    private ServiceProvider services = null!;
    private InMemoryAuditLog auditLog = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        LabTenant.Seed(fixture.Graph);
        auditLog = new InMemoryAuditLog(TimeProvider.System);
        services = fixture.BuildSecondInstance(collection => collection.AddSingleton<IAuditLog>(auditLog));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await fixture.DisposeAsync();
    }

    private GraphAlertWriter Writer => services.GetRequiredService<GraphAlertWriter>();

    private static GraphAlertUpdate Resolved => new(AlertStatus.Resolved, AlertClassification.TruePositive, AlertDetermination.MultiStagedAttack);

    [Fact]
    public async Task Write_NewVerdict_PatchesOnlyChangedFields()
    {
        var result = await Writer.WriteAsync(AlertId, Resolved, Key, null, "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Written, result.Status);
        var patch = Assert.Single(fixture.Graph.RequestsAt("PATCH", AlertPath));
        Assert.Equal("resolved", patch.Json!["status"]!.GetValue<string>());
        Assert.Equal("truePositive", patch.Json["classification"]!.GetValue<string>());
        Assert.Equal("multiStagedAttack", patch.Json["determination"]!.GetValue<string>());
        Assert.Equal("resolved", fixture.Graph.Alert(AlertId).Status);
    }

    [Fact]
    public async Task Write_Comment_PostsOneObjectWithMarker()
    {
        await Writer.WriteAsync(AlertId, new GraphAlertUpdate(), Key, "AiSoc verdict: true positive.", "lead@contoso.com", CancellationToken.None);

        var post = Assert.Single(fixture.Graph.RequestsAt("POST", AlertPath + "/comments"));
        Assert.Equal("microsoft.graph.security.alertComment", post.Json!["@odata.type"]!.GetValue<string>());
        Assert.Equal("AiSoc verdict: true positive. [aisoc:" + Key + "]", post.Json["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_Replayed_SendsNoPatchOrSecondComment()
    {
        await Writer.WriteAsync(AlertId, Resolved, Key, "AiSoc verdict.", "lead@contoso.com", CancellationToken.None);

        var replay = await Writer.WriteAsync(AlertId, Resolved, Key, "AiSoc verdict.", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.AlreadyInDesiredState, replay.Status);
        Assert.Single(fixture.Graph.RequestsAt("PATCH", AlertPath));
        Assert.Single(fixture.Graph.Alert(AlertId).Comments);
    }

    [Fact]
    public async Task Write_Forbidden_NamesPermission()
    {
        fixture.Graph.Forbid("/v1.0/security/");

        var result = await Writer.WriteAsync(AlertId, Resolved, Key, null, "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Failed, result.Status);
        Assert.Contains("SecurityAlert.ReadWrite.All", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Written_IsAuditedWithoutToken()
    {
        await Writer.WriteAsync(AlertId, Resolved, Key, "AiSoc verdict.", "lead@contoso.com", CancellationToken.None);

        var record = Assert.Single(auditLog.Records);
        Assert.Equal("graph-alert-update", record.Name);
        Assert.Equal("lead@contoso.com", record.Inputs["approvedBy"]);
        Assert.Contains(record.Inputs.Values, value => value.StartsWith("PATCH ", StringComparison.Ordinal));
        Assert.All(record.Inputs.Values, value => Assert.DoesNotContain(StaticTokenCredential.Token, value, StringComparison.Ordinal));
    }
}
