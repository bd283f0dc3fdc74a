using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Tests.Support;
using AiSoc.FakeTenant;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Tests.Incidents;
using AiSoc.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiSoc.Functions.Tests;

public sealed class IncidentWebhookFunctionTests : IAsyncLifetime
{
    private const string SampleIncidentName = "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4";

    private IntakeHarness _harness = null!;

    private InMemoryInvestigationStarter Starter => _harness.Starter;

    private RecordingDurableTaskClient DurableClient => _harness.DurableClient;

    public async Task InitializeAsync()
    {
        _harness = await IntakeHarness.StartAsync(LabTenant.SentinelWorkspacePath);
        _harness.Arm.AddIncident(LabTenant.SentinelWorkspacePath, SampleIncidentName, "Multi-stage incident involving Credential access & Lateral movement on multiple endpoints");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Run_SentinelIncidentTrigger_Returns202WithInvestigationId()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));

        var result = await RunAsync(body, TestTokens.Create());

        var accepted = AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted);
        Assert.Equal(InvestigationIds.For("incident", "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4"), accepted.InvestigationId);
        Assert.Equal("started", accepted.Status);
        Assert.Equal(TestTokens.LogicAppClientId, Starter.Requests[accepted.InvestigationId].Caller.ApplicationId);
    }

    [Fact]
    public async Task Run_SameIncidentTwice_ReturnsAlreadyStarted()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));
        var first = AssertStatus<WebhookAccepted>(await RunAsync(body, TestTokens.Create()), StatusCodes.Status202Accepted);

        var second = AssertStatus<WebhookAccepted>(await RunAsync(body, TestTokens.Create()), StatusCodes.Status202Accepted);

        Assert.Equal(first.InvestigationId, second.InvestigationId);
        Assert.Equal("already-started", second.Status);
    }

    [Fact]
    public async Task Run_AcceptedResponse_HasNoManagementUrls()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));

        var result = await RunAsync(body, TestTokens.Create());

        var json = JsonSerializer.Serialize(((ObjectResult)result).Value);
        Assert.DoesNotContain("http", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("webhooks", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_DurableStarter_ResponseHasNoUrl()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));

        var (result, _) = await _harness.PostAsync(body, durable: true);

        var accepted = AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted);
        Assert.Equal("started", accepted.Status);
        Assert.Equal(accepted.InvestigationId, Assert.Single(DurableClient.Scheduled).Options?.InstanceId);
        var json = JsonSerializer.Serialize(((ObjectResult)result).Value);
        Assert.DoesNotContain("http", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/runtime/webhooks", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_DurableStarterResent_ReturnsAlreadyStarted()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));
        await _harness.PostAsync(body, durable: true);

        var (result, _) = await _harness.PostAsync(body, durable: true);

        Assert.Equal("already-started", AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted).Status);
        Assert.Single(DurableClient.Scheduled);
    }

    [Fact]
    public async Task Run_SentinelAlertTrigger_UsesSystemAlertId()
    {
        var row = JsonNode.Parse(File.ReadAllText(SharedData.PathOf("sentinel/securityalert_msticpy_alerts_list.json")))!.AsArray()[0]!;

        var result = await RunAsync(row.ToJsonString(), TestTokens.Create());

        var accepted = AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted);
        Assert.Equal("alert", accepted.Kind);
        Assert.Equal(InvestigationIds.For("alert", row["SystemAlertId"]!.GetValue<string>()), accepted.InvestigationId);
    }

    [Theory]
    [InlineData("null", "JSON null")]
    [InlineData("{}", "no incident or alert id")]
    [InlineData("""{"object":{"properties":{"title":"x"}}}""", "no incident or alert id")]
    [InlineData("", "empty")]
    [InlineData("{oops", "not valid JSON")]
    public async Task Run_InvalidBody_Returns400WithReason(string body, string expected)
    {
        var result = await RunAsync(body, TestTokens.Create());

        var problem = AssertStatus<ProblemDetails>(result, StatusCodes.Status400BadRequest);
        Assert.Contains(expected, problem.Detail, StringComparison.Ordinal);
        Assert.Empty(Starter.Requests);
    }

    [Fact]
    public async Task Run_NoToken_Returns401WithChallenge()
    {
        var (result, context) = await _harness.PostAsync("{}", token: null);

        AssertStatus<ProblemDetails>(result, StatusCodes.Status401Unauthorized);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-tenant")]
    [InlineData("forged-signature")]
    public async Task Run_InvalidToken_Returns401(string defect)
    {
        var token = defect switch
        {
            "wrong-audience" => TestTokens.Create(audience: "api://other"),
            "wrong-issuer" => TestTokens.Create(issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/"),
            "wrong-tenant" => TestTokens.Create(tenant: "00000000-0000-0000-0000-000000000000"),
            _ => TestTokens.Create(key: TestTokens.OtherKey()),
        };

        var result = await RunAsync("{}", token);

        AssertStatus<ProblemDetails>(result, StatusCodes.Status401Unauthorized);
        Assert.Empty(Starter.Requests);
    }

    [Fact]
    public async Task Run_ApplicationNotAllowed_Returns403()
    {
        var result = await RunAsync("{}", TestTokens.Create(applicationId: "11111111-0000-4000-8000-000000000000"));

        var problem = AssertStatus<ProblemDetails>(result, StatusCodes.Status403Forbidden);
        Assert.Contains("11111111-0000-4000-8000-000000000000", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BodyOverLimit_Returns413()
    {
        var body = "{\"pad\":\"" + new string('x', IncidentWebhookFunction.MaxBodyBytes) + "\"}";

        var result = await RunAsync(body, TestTokens.Create());

        AssertStatus<ProblemDetails>(result, StatusCodes.Status413PayloadTooLarge);
    }

    private async Task<IActionResult> RunAsync(string body, string? token) => (await _harness.PostAsync(body, token: token)).Result;

    private static T AssertStatus<T>(IActionResult result, int statusCode)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(statusCode, objectResult.StatusCode);
        return Assert.IsType<T>(objectResult.Value);
    }
}
