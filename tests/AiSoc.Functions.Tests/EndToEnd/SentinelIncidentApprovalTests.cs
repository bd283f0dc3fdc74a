using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiSoc.Approvals;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace AiSoc.Functions.Tests.EndToEnd;

/// <summary>
/// From a Sentinel incident to a Teams approval and back: the investigation posts its approval card to a Teams
/// workflow, an approver decides on the approval page, and the investigation finishes with the approved actions
/// run as dry runs. An analyst who closes the incident in Sentinel meanwhile withdraws the request.
/// </summary>
[Collection(DurableHostGroup.Name)]
public sealed partial class SentinelIncidentApprovalTests : IAsyncLifetime
{
    private TeamsWorkflowFake _teams = null!;
    private AppUnderTest _app = null!;
    private string _incidentId = null!;
    private AiSoc.FakeTenant.FakeSentinelIncident _incident = null!;

    public async Task InitializeAsync() => _teams = await StartTeamsAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task Incident_ApprovedInTeams_RunsDryRuns()
    {
        await StartAppAsync(shadowMode: false);
        var investigationId = (await PostIncidentAsync()).InvestigationId;
        var waiting = await _app.WaitForStageAsync(investigationId, InvestigationStages.AwaitingApproval);

        var card = await CardAsync();
        Assert.Contains("/api/approvals/" + waiting.ApprovalId, card.Body, StringComparison.Ordinal);
        await ApproveAsync(waiting.ApprovalId!);
        var metadata = await _app.WaitForCompletionAsync(investigationId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var stored = await _app.Services.GetRequiredService<ICaseRecordStore>().GetAsync(investigationId);
        Assert.Equal("compromised-account", stored!.Record.PlaybookId);
        Assert.Contains(stored.Record.Decisions, decision => decision.Status == ApprovalStatus.Approved && decision.DecidedBy == ApproverTokens.ApproverUpn);
        Assert.Contains(stored.Record.Actions, action => action.IdempotencyKey.Contains("|disable-user|", StringComparison.Ordinal) && action.Executed);
    }

    [Fact]
    public async Task Incident_ApprovedUnderDefaultPolicy_RunsNothing()
    {
        await StartAppAsync(shadowMode: null);
        var investigationId = (await PostIncidentAsync()).InvestigationId;
        var waiting = await _app.WaitForStageAsync(investigationId, InvestigationStages.AwaitingApproval);
        await CardAsync();

        await ApproveAsync(waiting.ApprovalId!);
        await _app.WaitForCompletionAsync(investigationId);

        var stored = await _app.Services.GetRequiredService<ICaseRecordStore>().GetAsync(investigationId);
        Assert.All(stored!.Record.Actions, action => Assert.False(action.Executed));
        Assert.Contains(stored.Record.Actions, action => action.Result.StartsWith("shadow-only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Incident_ClosedInSentinelWhileWaiting_WithdrawsApproval()
    {
        await StartAppAsync(shadowMode: false);
        var investigationId = (await PostIncidentAsync()).InvestigationId;
        var waiting = await _app.WaitForStageAsync(investigationId, InvestigationStages.AwaitingApproval);
        _incident.Status = "Closed";

        var update = await PostIncidentAsync();
        await _app.WaitForCompletionAsync(investigationId);

        Assert.Equal(WebhookAccepted.AlreadyStarted, update.Status);
        var request = (await _app.Services.GetRequiredService<IApprovalStore>().GetAsync(waiting.ApprovalId!))!.Request;
        Assert.Equal(ApprovalStatus.Expired, request.Status);
        Assert.Contains("closed at the provider", request.DecisionComment, StringComparison.Ordinal);
        var stored = await _app.Services.GetRequiredService<ICaseRecordStore>().GetAsync(investigationId);
        Assert.All(stored!.Record.Actions, action => Assert.False(action.Executed));
        Assert.Equal(1, stored.Record.IncidentUpdateCount);
    }

    // shadowMode null keeps the response policy's default, which records what would run and runs nothing.
    private async Task StartAppAsync(bool? shadowMode)
    {
        var incident = AppUnderTest.ExampleBody("GetIncidentById_2024-09-01.json");
        incident["properties"]!["status"] = "New";
        _incidentId = incident["id"]!.GetValue<string>();
        var workspace = _incidentId[.._incidentId.IndexOf("/providers/Microsoft.SecurityInsights/", StringComparison.OrdinalIgnoreCase)];

        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Teams:WebhookUrl"] = _teams.TriggerUrl.ToString(),
            ["Approvals:Authentication:TenantId"] = TestTokens.TenantId,
            ["Approvals:Authentication:Audience"] = ApproverTokens.Audience,
        };
        if (shadowMode is { } shadow)
        {
            settings["ResponsePolicy:ShadowMode"] = shadow ? "true" : "false";
        }

        _app = await AppUnderTest.StartAsync(workspace, settings);
        var fake = _incident = _app.Arm.AddIncident(workspace, incident);
        fake.Alerts.AddRange(AppUnderTest.ExampleBody("GetAllIncidentAlerts_2024-09-01.json")["value"]!.AsArray().Select(item => ImpossibleTravel(item!.AsObject())));
        fake.Entities.AddRange(AppUnderTest.ExampleBody("GetAllIncidentEntities_2024-09-01.json")["entities"]!.AsArray().Select(item => CloudAccount(item!.AsObject())));
    }

    // The card is posted by the activity that also stores the request, so it may arrive just after the stage shows.
    private async Task<AiSoc.FakeTenant.RecordedRequest> CardAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_teams.RequestsAt("POST", TeamsWorkflowFake.TriggerPath).Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }

        return _teams.RequestsAt("POST", TeamsWorkflowFake.TriggerPath)[0];
    }

    // The example alert as an impossible-travel sign-in alert of high severity, so the compromised-account playbook applies.
    private static JsonObject ImpossibleTravel(JsonObject alert)
    {
        var properties = alert["properties"]!.AsObject();
        properties["alertType"] = "impossibleTravel";
        properties["severity"] = "High";
        properties["tactics"] = new JsonArray("InitialAccess");
        properties["techniques"] = new JsonArray("T1078");
        return alert;
    }

    // The example account as an Entra ID user, so actions can name it by object id and UPN.
    private static JsonObject CloudAccount(JsonObject entity)
    {
        var properties = entity["properties"]!.AsObject();
        properties["aadUserId"] = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
        properties["upnSuffix"] = "contoso.com";
        return entity;
    }

    private async Task<WebhookAccepted> PostIncidentAsync()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Headers.Authorization = "Bearer " + TestTokens.Create();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["object"] = new JsonObject { ["id"] = _incidentId } }.ToJsonString()));

        var result = await _app.Webhook.RunAsync(context.Request, _app.Host.Client, CancellationToken.None);

        return Assert.IsType<WebhookAccepted>(Assert.IsType<ObjectResult>(result).Value);
    }

    // The approver opens the page from the card, then posts the form, as a browser would.
    private async Task ApproveAsync(string approvalId)
    {
        var function = new ApprovalPageFunction(_app.Services.GetRequiredService<ApprovalPageFactory>(), NullLogger<ApprovalPageFunction>.Instance);
        var token = ApproverTokens.Create(expires: DateTimeOffset.UtcNow.AddMinutes(30));

        var open = Request("GET", token);
        var page = Assert.IsType<ContentResult>(await function.RunAsync(open.Request, approvalId, _app.Host.Client, CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, page.StatusCode);
        var session = SessionCookieValue().Match(open.Response.Headers.SetCookie.ToString()).Groups[1].Value;
        var stored = await _app.Services.GetRequiredService<IApprovalStore>().GetAsync(approvalId);

        var post = Request("POST", token);
        post.Request.Headers.Cookie = $"{ApprovalPageFunction.SessionCookie}={session}";
        post.Request.ContentType = "application/x-www-form-urlencoded";
        post.Request.Form = new FormCollection(new Dictionary<string, StringValues>
        {
            [ApprovalForm.ApprovalIdField] = approvalId,
            [ApprovalForm.PlanHashField] = stored!.Request.PlanHash,
            [ApprovalForm.DecisionField] = "approve",
            [ApprovalForm.AntiForgeryField] = AntiForgeryInput().Match(page.Content!).Groups[1].Value,
        });
        var decided = Assert.IsType<ContentResult>(await function.RunAsync(post.Request, approvalId, _app.Host.Client, CancellationToken.None));
        Assert.True(decided.StatusCode == StatusCodes.Status200OK, decided.Content);
    }

    private static DefaultHttpContext Request(string method, string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Headers.Authorization = "Bearer " + token;
        return context;
    }

    private static async Task<TeamsWorkflowFake> StartTeamsAsync()
    {
        var teams = new TeamsWorkflowFake();
        await teams.StartAsync();
        return teams;
    }

    [GeneratedRegex(@"__Host-aisoc-approval-session=([0-9a-f]+)")]
    private static partial Regex SessionCookieValue();

    [GeneratedRegex("name=\"__antiForgery\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryInput();
}
