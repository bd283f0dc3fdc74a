using System.Text.Json;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

public sealed class InvestigationStatusFunctionTests
{
    private static readonly string InvestigationId = InvestigationIds.For("incident", "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4");

    private readonly InMemoryInvestigationStarter _starter = new(NullLogger<InMemoryInvestigationStarter>.Instance);
    private readonly InMemoryInvestigationStatusReader _reader;
    private readonly InvestigationStatusFunction _function;
    private readonly EntraCallerAuthenticator _authenticator;

    public InvestigationStatusFunctionTests()
    {
        var time = new FakeTimeProvider(TestTokens.Now);
        var options = new CallerAuthenticationOptions { TenantId = TestTokens.TenantId, Audience = TestTokens.Audience };
        options.AllowedApplicationIds.Add(TestTokens.LogicAppClientId);
        _authenticator = new EntraCallerAuthenticator(Options.Create(options), TestTokens.Metadata(), time);
        _reader = new InMemoryInvestigationStatusReader(_starter);
        _function = new InvestigationStatusFunction(_authenticator, new InMemoryInvestigationStatusReaderFactory(_reader), NullLogger<InvestigationStatusFunction>.Instance);
    }

    [Fact]
    public async Task GetStatus_StartedInvestigation_ReturnsReceivedStage()
    {
        await StartAsync();

        var result = await _function.GetStatusAsync(Request(TestTokens.Create()), InvestigationId, null, CancellationToken.None);

        var status = Assert.IsType<InvestigationStatus>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(InMemoryInvestigationStatusReader.ReceivedStage, status.Stage);
        Assert.Equal("Suspicious sign-in", status.Title);
        Assert.False(status.HasReport);
    }

    [Fact]
    public async Task GetStatus_Response_HasNoManagementUrls()
    {
        await StartAsync();

        var result = await _function.GetStatusAsync(Request(TestTokens.Create()), InvestigationId, null, CancellationToken.None);

        var json = JsonSerializer.Serialize(((ObjectResult)result).Value);
        Assert.DoesNotContain("http", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("webhooks", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetStatus_UnknownId_Returns404()
    {
        var result = await _function.GetStatusAsync(Request(TestTokens.Create()), InvestigationId, null, CancellationToken.None);

        AssertProblem(result, StatusCodes.Status404NotFound);
    }

    [Theory]
    [InlineData("inv-XYZ")]
    [InlineData("..%2Fapprovals")]
    [InlineData("inv-0123456789abcdef01234")]
    public async Task GetStatus_MalformedId_Returns400(string id)
    {
        var result = await _function.GetStatusAsync(Request(TestTokens.Create()), id, null, CancellationToken.None);

        var problem = AssertProblem(result, StatusCodes.Status400BadRequest);
        Assert.Contains("inv-", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_NoToken_Returns401()
    {
        await StartAsync();

        var result = await _function.GetStatusAsync(Request(token: null), InvestigationId, null, CancellationToken.None);

        AssertProblem(result, StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task GetStatus_ForgedToken_Returns401()
    {
        await StartAsync();

        var result = await _function.GetStatusAsync(Request(TestTokens.Create(key: TestTokens.OtherKey())), InvestigationId, null, CancellationToken.None);

        AssertProblem(result, StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task GetStatus_ApplicationNotAllowed_Returns403()
    {
        await StartAsync();

        var result = await _function.GetStatusAsync(Request(TestTokens.Create(applicationId: "11111111-0000-4000-8000-000000000000")), InvestigationId, null, CancellationToken.None);

        AssertProblem(result, StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task GetReport_Written_ReturnsMarkdown()
    {
        await StartAsync();
        _reader.SetReport(InvestigationId, "# Case report\n\nVerdict: true positive\n");

        var result = await _function.GetReportAsync(Request(TestTokens.Create()), InvestigationId, null, CancellationToken.None);

        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(StatusCodes.Status200OK, content.StatusCode);
        Assert.StartsWith("text/markdown", content.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("# Case report", content.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_NotWrittenYet_Returns404WithReason()
    {
        await StartAsync();

        var result = await _function.GetReportAsync(Request(TestTokens.Create()), InvestigationId, null, CancellationToken.None);

        var problem = AssertProblem(result, StatusCodes.Status404NotFound);
        Assert.Contains("no case report yet", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_NoToken_Returns401()
    {
        await StartAsync();
        _reader.SetReport(InvestigationId, "# Case report");

        var result = await _function.GetReportAsync(Request(token: null), InvestigationId, null, CancellationToken.None);

        AssertProblem(result, StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task CountByStage_UpdatedInvestigation_CountsNewStage()
    {
        await StartAsync();
        var status = (await _reader.GetAsync(InvestigationId, CancellationToken.None))!;
        _reader.Update(status with { Stage = "awaiting-approval" });

        var counts = await _reader.CountByStageAsync(CancellationToken.None);

        Assert.Equal(1, counts["awaiting-approval"]);
        Assert.False(counts.ContainsKey(InMemoryInvestigationStatusReader.ReceivedStage));
    }

    [Fact]
    public async Task GetStatus_DurableClientBound_ReadsOrchestration()
    {
        await using var client = new RecordingDurableTaskClient();
        client.SetInstance(new Microsoft.DurableTask.Client.OrchestrationMetadata("InvestigationOrchestrator", InvestigationId)
        {
            RuntimeStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running,
            SerializedCustomStatus = """{"stage":"enriching"}""",
            SerializedInput = $$"""{"InvestigationId":"{{InvestigationId}}","IncidentId":"5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4","TriageKey":"sentinel-webhook"}""",
        });
        var readers = new DurableInvestigationStatusReaderFactory(new InMemoryCaseRecordSink(), _reader, Options.Create(new InvestigationStatusOptions()));
        var function = new InvestigationStatusFunction(_authenticator, readers, NullLogger<InvestigationStatusFunction>.Instance);

        var result = await function.GetStatusAsync(Request(TestTokens.Create()), InvestigationId, client, CancellationToken.None);

        var status = Assert.IsType<InvestigationStatus>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal("enriching", status.Stage);
        Assert.Contains(InvestigationId, client.Queried);
    }

    private Task<bool> StartAsync() => _starter.StartAsync(
        new InvestigationRequest(InvestigationId, "incident", "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4", "Suspicious sign-in", "{}", new CallerIdentity(TestTokens.LogicAppClientId, null), TestTokens.Now),
        CancellationToken.None);

    private static HttpRequest Request(string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        return context.Request;
    }

    private static ProblemDetails AssertProblem(IActionResult result, int statusCode)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(statusCode, objectResult.StatusCode);
        return Assert.IsType<ProblemDetails>(objectResult.Value);
    }
}
