using System.Text;
using System.Text.Json.Nodes;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations.Ports;
using AiSoc.Narratives.Investigations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Functions.Tests.EndToEnd;

/// <summary>
/// A Sentinel automation rule's delivery through the whole app. The webhook reads the incident from Sentinel, stores
/// it in table storage and starts the orchestration. The activities run with the app's registrations and write the
/// case to table storage, and the status route reads it back.
/// </summary>
[Collection(DurableHostGroup.Name)]
public sealed class SentinelIncidentToCaseTests : IAsyncLifetime
{
    private AppUnderTest _app = null!;
    private string _incidentId = null!;
    private string _name = null!;

    public async Task InitializeAsync()
    {
        var incident = AppUnderTest.ExampleBody("GetIncidentById_2024-09-01.json");
        incident["properties"]!["status"] = "New";
        _incidentId = incident["id"]!.GetValue<string>();
        _name = incident["name"]!.GetValue<string>();
        var workspace = _incidentId[.._incidentId.IndexOf("/providers/Microsoft.SecurityInsights/", StringComparison.OrdinalIgnoreCase)];

        _app = await AppUnderTest.StartAsync(workspace);
        var fake = _app.Arm.AddIncident(workspace, incident);
        fake.Alerts.AddRange(AppUnderTest.ExampleBody("GetAllIncidentAlerts_2024-09-01.json")["value"]!.AsArray().Select(item => item!.AsObject()));
        fake.Entities.AddRange(AppUnderTest.ExampleBody("GetAllIncidentEntities_2024-09-01.json")["entities"]!.AsArray().Select(item => item!.AsObject()));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Webhook_NewIncident_InvestigationCompletesWithStoredCase()
    {
        var accepted = await PostIncidentAsync();

        var metadata = await _app.WaitForCompletionAsync(accepted.InvestigationId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var stored = await _app.Services.GetRequiredService<ICaseRecordStore>().GetAsync(accepted.InvestigationId);
        Assert.NotNull(stored);
        Assert.Equal(_name, stored.Record.IncidentId);
        Assert.Contains("myAlert", stored.MarkdownReport, StringComparison.Ordinal);
        Assert.Contains(NarrativeCaseRecordSink.Heading, stored.MarkdownReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusRoute_CompletedInvestigation_ReportsStageAndReport()
    {
        var accepted = await PostIncidentAsync();
        await _app.WaitForCompletionAsync(accepted.InvestigationId);

        var status = await _app.Status.GetStatusAsync(Request("GET", null), accepted.InvestigationId, _app.Host.Client, CancellationToken.None);
        var report = await _app.Status.GetReportAsync(Request("GET", null), accepted.InvestigationId, _app.Host.Client, CancellationToken.None);

        var body = Assert.IsType<AiSoc.Functions.Status.InvestigationStatus>(Assert.IsType<OkObjectResult>(status).Value);
        Assert.Equal("completed", body.Stage);
        Assert.True(body.HasReport);
        Assert.Equal(StatusCodes.Status200OK, Assert.IsAssignableFrom<IStatusCodeActionResult>(report).StatusCode);
    }

    [Fact]
    public async Task Webhook_ResentAfterCompletion_StartsNothing()
    {
        var first = await PostIncidentAsync();
        await _app.WaitForCompletionAsync(first.InvestigationId);

        var again = await PostIncidentAsync();

        Assert.Equal(first.InvestigationId, again.InvestigationId);
        Assert.Equal(WebhookAccepted.AlreadyFinished, again.Status);
    }

    private async Task<WebhookAccepted> PostIncidentAsync()
    {
        var body = new JsonObject
        {
            ["objectSchemaType"] = "Incident",
            ["objectEventType"] = "Create",
            ["object"] = new JsonObject { ["id"] = _incidentId, ["properties"] = new JsonObject { ["title"] = "Sent by the Logic App" } },
        }.ToJsonString();

        var result = await _app.Webhook.RunAsync(Request("POST", body), _app.Host.Client, CancellationToken.None);

        var accepted = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status202Accepted, accepted.StatusCode);
        return Assert.IsType<WebhookAccepted>(accepted.Value);
    }

    private static HttpRequest Request(string method, string? body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.Authorization = "Bearer " + TestTokens.Create();
        if (body is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return context.Request;
    }
}
