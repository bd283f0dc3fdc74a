using System.Text;
using System.Text.Json;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

public sealed class IncidentWebhookFunctionTests : IAsyncDisposable
{
    private readonly InMemoryInvestigationStarter _starter = new(NullLogger<InMemoryInvestigationStarter>.Instance);
    private readonly IncidentWebhookFunction _function;
    private readonly IncidentWebhookFunction _durableFunction;
    private readonly RecordingDurableTaskClient _durableClient = new();

    public IncidentWebhookFunctionTests()
    {
        var time = new FakeTimeProvider(TestTokens.Now);
        var options = new CallerAuthenticationOptions { TenantId = TestTokens.TenantId, Audience = TestTokens.Audience };
        options.AllowedApplicationIds.Add(TestTokens.LogicAppClientId);
        var authenticator = new EntraCallerAuthenticator(Options.Create(options), TestTokens.Metadata(), time);
        _function = new IncidentWebhookFunction(authenticator, new InMemoryInvestigationStarterFactory(_starter), time, NullLogger<IncidentWebhookFunction>.Instance);
        var durableStarters = new DurableInvestigationStarterFactory(NullLogger<DurableInvestigationStarter>.Instance);
        _durableFunction = new IncidentWebhookFunction(authenticator, durableStarters, time, NullLogger<IncidentWebhookFunction>.Instance);
    }

    public ValueTask DisposeAsync() => _durableClient.DisposeAsync();

    [Fact]
    public async Task Run_SentinelIncidentTrigger_Returns202WithInvestigationId()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));

        var result = await RunAsync(body, TestTokens.Create());

        var accepted = AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted);
        Assert.Equal(InvestigationIds.For("incident", "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4"), accepted.InvestigationId);
        Assert.Equal("started", accepted.Status);
        Assert.Equal(TestTokens.LogicAppClientId, _starter.Requests[accepted.InvestigationId].Caller.ApplicationId);
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

        var result = await _durableFunction.RunAsync(Request(body, TestTokens.Create()).Request, _durableClient, CancellationToken.None);

        var accepted = AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted);
        Assert.Equal("started", accepted.Status);
        Assert.Equal(accepted.InvestigationId, Assert.Single(_durableClient.Scheduled).Options?.InstanceId);
        var json = JsonSerializer.Serialize(((ObjectResult)result).Value);
        Assert.DoesNotContain("http", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/runtime/webhooks", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_DurableStarterResent_ReturnsAlreadyStarted()
    {
        var body = File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-automation-trigger.json"));
        await _durableFunction.RunAsync(Request(body, TestTokens.Create()).Request, _durableClient, CancellationToken.None);

        var result = await _durableFunction.RunAsync(Request(body, TestTokens.Create()).Request, _durableClient, CancellationToken.None);

        Assert.Equal("already-started", AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted).Status);
        Assert.Single(_durableClient.Scheduled);
    }

    [Fact]
    public async Task Run_SentinelAlertTrigger_UsesSystemAlertId()
    {
        var result = await RunAsync("""{"SystemAlertId":"4f1e2d3c-0000-4000-8000-00000000abcd","AlertDisplayName":"Suspicious sign-in"}""", TestTokens.Create());

        var accepted = AssertStatus<WebhookAccepted>(result, StatusCodes.Status202Accepted);
        Assert.Equal("alert", accepted.Kind);
        Assert.Equal(InvestigationIds.For("alert", "4f1e2d3c-0000-4000-8000-00000000abcd"), accepted.InvestigationId);
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
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task Run_NoToken_Returns401WithChallenge()
    {
        var context = Request("{}", token: null);

        var result = await _function.RunAsync(context.Request, null, CancellationToken.None);

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
        Assert.Empty(_starter.Requests);
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

    private Task<IActionResult> RunAsync(string body, string? token) =>
        _function.RunAsync(Request(body, token).Request, null, CancellationToken.None);

    private static DefaultHttpContext Request(string body, string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        return context;
    }

    private static T AssertStatus<T>(IActionResult result, int statusCode)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(statusCode, objectResult.StatusCode);
        return Assert.IsType<T>(objectResult.Value);
    }
}
