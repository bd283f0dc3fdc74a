using AiSoc.Core.Audit;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;
using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Integrations.Tests;

public sealed class SentinelWriteBackTests : IAsyncLifetime
{
    private const string Key = "inv-7|close-incident|incident:412";
    private static readonly SentinelIncidentRef Incident = new(LabTenant.SentinelWorkspacePath, LabTenant.SentinelIncidentName);
    private static readonly string IncidentPath = LabTenant.SentinelWorkspacePath + "/providers/Microsoft.SecurityInsights/incidents/" + LabTenant.SentinelIncidentName;

    private TenantFixture fixture = null!;
    private ServiceProvider services = null!;
    private InMemoryAuditLog auditLog = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        LabTenant.Seed(fixture.Arm);
        auditLog = new InMemoryAuditLog(TimeProvider.System);
        services = fixture.BuildSecondInstance(collection =>
        {
            collection.AddSingleton<IAuditLog>(auditLog);
            collection.Configure<SentinelOptions>(options =>
            {
                options.AllowStatusUpdate = true;
                options.AllowClassificationUpdate = true;
                options.AllowLabelUpdate = true;
            });
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await fixture.DisposeAsync();
    }

    private SentinelIncidentWriter Writer => services.GetRequiredService<SentinelIncidentWriter>();

    [Fact]
    public async Task AddComment_New_PutsDeterministicIdWithApiVersion()
    {
        var result = await Writer.AddCommentAsync(Incident, Key, "AiSoc: true positive, account disabled.", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Written, result.Status);
        var put = Assert.Single(fixture.Arm.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.StartsWith(IncidentPath + "/comments/", put.Path, StringComparison.Ordinal);
        Assert.Equal("?api-version=2024-09-01", put.RawQuery);
        Assert.Equal("{\"properties\":{\"message\":\"AiSoc: true positive, account disabled.\"}}", put.Body);
        Assert.Equal("Bearer " + StaticTokenCredential.Token, put.Authorization);
    }

    [Fact]
    public async Task AddComment_Replayed_WritesSameCommentOnce()
    {
        await Writer.AddCommentAsync(Incident, Key, "AiSoc: verdict.", "lead@contoso.com", CancellationToken.None);

        var replay = await Writer.AddCommentAsync(Incident, Key, "AiSoc: verdict.", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.AlreadyInDesiredState, replay.Status);
        Assert.Single(fixture.Arm.Incident(LabTenant.SentinelIncidentName).Comments);
        Assert.Equal(fixture.Arm.Requests[0].Path, fixture.Arm.Requests[1].Path);
    }

    [Fact]
    public async Task UpdateIncident_Close_SendsETagAndAllowedFields()
    {
        var update = new SentinelIncidentUpdate("Closed", "TruePositive", "SuspiciousActivity", "soc.analyst@contoso.com", ["aisoc"]);

        var result = await Writer.UpdateIncidentAsync(Incident, update, "inv-7", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Written, result.Status);
        var put = Assert.Single(fixture.Arm.RequestsAt("PUT", IncidentPath));
        Assert.Equal("\"1\"", put.Json!["etag"]!.GetValue<string>());
        Assert.Equal("Closed", put.Json["properties"]!["status"]!.GetValue<string>());
        Assert.Equal("TruePositive", put.Json["properties"]!["classification"]!.GetValue<string>());
        Assert.Equal("SuspiciousActivity", put.Json["properties"]!["classificationReason"]!.GetValue<string>());
        Assert.Equal("aisoc", put.Json["properties"]!["labels"]![0]!["labelName"]!.GetValue<string>());
        Assert.Null(put.Json["properties"]!["owner"]!["userPrincipalName"]);
        Assert.Contains("owner", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIncident_Replayed_SendsNoSecondPut()
    {
        var update = new SentinelIncidentUpdate("Active", Labels: ["aisoc"]);
        await Writer.UpdateIncidentAsync(Incident, update, "inv-7", "lead@contoso.com", CancellationToken.None);

        var replay = await Writer.UpdateIncidentAsync(Incident, update, "inv-7", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.AlreadyInDesiredState, replay.Status);
        Assert.Single(fixture.Arm.RequestsAt("PUT", IncidentPath));
    }

    [Fact]
    public async Task UpdateIncident_ChangedBetweenReadAndWrite_ReadsAgainAndRetries()
    {
        fixture.Arm.ConcurrentEditsAfterRead = 1;

        var result = await Writer.UpdateIncidentAsync(Incident, new SentinelIncidentUpdate("Active"), "inv-7", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Written, result.Status);
        Assert.Equal("Active", fixture.Arm.Incident(LabTenant.SentinelIncidentName).Status);
        var puts = fixture.Arm.RequestsAt("PUT", IncidentPath);
        Assert.Equal(2, puts.Count);
        Assert.Equal("\"1\"", puts[0].Json!["etag"]!.GetValue<string>());
        Assert.Equal("\"2\"", puts[1].Json!["etag"]!.GetValue<string>());
        Assert.Equal(412, result.Calls.First(call => call.Method == "PUT").StatusCode);
    }

    [Fact]
    public async Task UpdateIncident_ClosedWithoutClassification_RejectedBeforeCalling()
    {
        var result = await Writer.UpdateIncidentAsync(Incident, new SentinelIncidentUpdate("Closed"), "inv-7", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Failed, result.Status);
        Assert.Contains("Closed needs a classification", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Arm.Requests);
    }

    [Fact]
    public async Task UpdateIncident_Forbidden_NamesResponderRole()
    {
        fixture.Arm.Forbid(LabTenant.SentinelWorkspacePath, "AuthorizationFailed");

        var result = await Writer.UpdateIncidentAsync(Incident, new SentinelIncidentUpdate("Active"), "inv-7", "lead@contoso.com", CancellationToken.None);

        Assert.Equal(WriteBackStatus.Failed, result.Status);
        Assert.Contains("Microsoft Sentinel Responder", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddComment_Written_IsAudited()
    {
        await Writer.AddCommentAsync(Incident, Key, "AiSoc: verdict.", "lead@contoso.com", CancellationToken.None);

        var record = Assert.Single(auditLog.Records);
        Assert.Equal("write-back", record.Kind);
        Assert.Equal("sentinel-incident-comment", record.Name);
        Assert.Equal("inv-7", record.InvestigationId);
        Assert.Equal("lead@contoso.com", record.Actor);
        Assert.Equal("201", record.Inputs["response01"]);
        Assert.StartsWith("PUT http://127.0.0.1", record.Inputs["request01"], StringComparison.Ordinal);
    }
}
