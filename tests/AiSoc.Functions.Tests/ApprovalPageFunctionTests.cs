using System.Text.RegularExpressions;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations;
using AiSoc.Storage;
using AiSoc.Storage.Tests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

/// <summary>Calls the approval page function with locally signed approver tokens and reads the decision back from Azurite.</summary>
public sealed partial class ApprovalPageFunctionTests : IAsyncLifetime
{
    private const string ApprovalId = "apr-7c1d9e2f4a6b8c0d";
    private const string PlanHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private readonly AzuriteTables _tables = new();
    private readonly FakeTimeProvider _time = new(TestTokens.Now);
    private readonly InMemoryAuditLog _audit;
    private TableApprovalStore _store = null!;
    private ApprovalPageFunction _function = null!;

    public ApprovalPageFunctionTests()
    {
        _audit = new InMemoryAuditLog(_time);
    }

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        _store = new TableApprovalStore(await _tables.CreateTableAsync("approvals"));
        await _store.CreateAsync(PendingRequest());

        var options = new ApprovalRouteOptions
        {
            Authentication = new ApproverTokenSettings { TenantId = TestTokens.TenantId, Audience = ApproverTokens.Audience },
            AntiForgeryKey = "test-anti-forgery-secret-of-32-characters-or-more",
        };
        var factory = new ApprovalPageFactory(
            Options.Create(options), new ApproverSigningKeys(ApproverTokens.Metadata()), _store, _audit, _time, NullLogger<ApprovalHandler>.Instance);
        _function = new ApprovalPageFunction(factory, NullLogger<ApprovalPageFunction>.Instance);
    }

    public Task DisposeAsync() => _tables.DisposeAsync();

    [Fact]
    public async Task Get_ValidToken_RendersPageWithoutDeciding()
    {
        var context = Request("GET", ApproverTokens.Create());

        var result = await _function.RunAsync(context.Request, ApprovalId, null, CancellationToken.None);

        var page = AssertHtml(result, StatusCodes.Status200OK);
        Assert.Contains(ApprovalForm.AntiForgeryField, page, StringComparison.Ordinal);
        Assert.Contains(ApprovalPageFunction.SessionCookie, context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, await StoredStatusAsync());
    }

    [Fact]
    public async Task Get_NoToken_Returns401()
    {
        var result = await _function.RunAsync(Request("GET", token: null).Request, ApprovalId, null, CancellationToken.None);

        AssertHtml(result, StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task Get_WithoutApproverRole_Returns403()
    {
        var result = await _function.RunAsync(Request("GET", ApproverTokens.Create(roles: ["Incident.Read"])).Request, ApprovalId, null, CancellationToken.None);

        AssertHtml(result, StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task Post_ValidToken_StoresApproval()
    {
        var token = ApproverTokens.Create();
        var (session, antiForgery) = await OpenPageAsync(token);

        var result = await PostAsync(token, session, antiForgery);

        AssertHtml(result, StatusCodes.Status200OK);
        var stored = (await _store.GetAsync(ApprovalId))!.Request;
        Assert.Equal(ApprovalStatus.Approved, stored.Status);
        Assert.Equal(ApproverTokens.ApproverUpn, stored.DecidedBy);
        Assert.Equal(TestTokens.Now, stored.DecidedAt);
    }

    [Fact]
    public async Task Post_ExpiredToken_Returns401AndKeepsPending()
    {
        var (session, antiForgery) = await OpenPageAsync(ApproverTokens.Create());
        var expired = ApproverTokens.Create(expires: TestTokens.Now.AddMinutes(-10));

        var result = await PostAsync(expired, session, antiForgery);

        AssertHtml(result, StatusCodes.Status401Unauthorized);
        Assert.Equal(ApprovalStatus.Pending, await StoredStatusAsync());
    }

    [Fact]
    public async Task Post_ForgedToken_Returns401AndKeepsPending()
    {
        var (session, antiForgery) = await OpenPageAsync(ApproverTokens.Create());
        var forged = ApproverTokens.Create(key: TestTokens.OtherKey());

        var result = await PostAsync(forged, session, antiForgery);

        AssertHtml(result, StatusCodes.Status401Unauthorized);
        Assert.Equal(ApprovalStatus.Pending, await StoredStatusAsync());
    }

    [Fact]
    public async Task Post_WithoutMfa_Returns403AndKeepsPending()
    {
        var token = ApproverTokens.Create(methods: ["pwd"]);
        var (session, antiForgery) = await OpenPageAsync(token);

        var result = await PostAsync(token, session, antiForgery);

        AssertHtml(result, StatusCodes.Status403Forbidden);
        Assert.Equal(ApprovalStatus.Pending, await StoredStatusAsync());
    }

    [Fact]
    public async Task Post_Replayed_ReportsDuplicateAndKeepsFirstDecision()
    {
        var token = ApproverTokens.Create();
        var (session, antiForgery) = await OpenPageAsync(token);
        AssertHtml(await PostAsync(token, session, antiForgery), StatusCodes.Status200OK);
        var first = (await _store.GetAsync(ApprovalId))!;

        var replay = await PostAsync(token, session, antiForgery, decision: "reject");

        var page = AssertHtml(replay, StatusCodes.Status200OK);
        Assert.Contains("already approved", page, StringComparison.Ordinal);
        var after = (await _store.GetAsync(ApprovalId))!;
        Assert.Equal(ApprovalStatus.Approved, after.Request.Status);
        Assert.Equal(first.ETag, after.ETag);
    }

    [Fact]
    public async Task Post_WithoutSessionCookie_Returns400AndKeepsPending()
    {
        var token = ApproverTokens.Create();
        var (_, antiForgery) = await OpenPageAsync(token);

        var result = await PostAsync(token, session: null, antiForgery);

        AssertHtml(result, StatusCodes.Status400BadRequest);
        Assert.Equal(ApprovalStatus.Pending, await StoredStatusAsync());
    }

    [Fact]
    public async Task Post_AntiForgeryFromOtherSession_Returns400()
    {
        var token = ApproverTokens.Create();
        var (_, antiForgery) = await OpenPageAsync(token);
        var (otherSession, _) = await OpenPageAsync(token);

        var result = await PostAsync(token, otherSession, antiForgery);

        AssertHtml(result, StatusCodes.Status400BadRequest);
        Assert.Equal(ApprovalStatus.Pending, await StoredStatusAsync());
    }

    [Fact]
    public async Task Post_AfterRequestExpiry_StoresExpired()
    {
        var token = ApproverTokens.Create(expires: TestTokens.Now.AddHours(3));
        var (session, antiForgery) = await OpenPageAsync(token);
        _time.Advance(TimeSpan.FromMinutes(20));
        await _store.TryReplaceAsync((await _store.GetAsync(ApprovalId))!.Request with { ExpiresAt = TestTokens.Now.AddMinutes(10) }, (await _store.GetAsync(ApprovalId))!.ETag);

        var result = await PostAsync(token, session, antiForgery);

        AssertHtml(result, StatusCodes.Status409Conflict);
        Assert.Equal(ApprovalStatus.Expired, await StoredStatusAsync());
    }

    [Fact]
    public async Task Post_Decision_WritesAuditEntry()
    {
        var token = ApproverTokens.Create();
        var (session, antiForgery) = await OpenPageAsync(token);

        await PostAsync(token, session, antiForgery);

        var entry = Assert.Single(_audit.Records);
        Assert.Equal("inv-1a2b3c4d5e6f7a8b9c0d", entry.InvestigationId);
        Assert.Equal(ApproverTokens.ApproverUpn, entry.Actor);
    }

    [Fact]
    public async Task Post_Decision_RaisesApprovalDecidedWithApprovalIdOnly()
    {
        var client = new RecordingDurableTaskClient();
        var token = ApproverTokens.Create();
        var (session, antiForgery) = await OpenPageAsync(token);

        await PostAsync(token, session, antiForgery, durableClient: client);

        var raised = Assert.Single(client.RaisedEvents);
        Assert.Equal("inv-1a2b3c4d5e6f7a8b9c0d", raised.InstanceId);
        Assert.Equal(InvestigationOrchestrator.ApprovalDecidedEvent, raised.EventName);
        Assert.Equal(ApprovalId, Assert.IsType<string>(raised.Payload));
    }

    [Fact]
    public async Task Post_Rejection_RaisesApprovalDecided()
    {
        var client = new RecordingDurableTaskClient();
        var token = ApproverTokens.Create();
        var (session, antiForgery) = await OpenPageAsync(token);

        await PostAsync(token, session, antiForgery, decision: "reject", durableClient: client);

        Assert.Equal(ApprovalStatus.Rejected, await StoredStatusAsync());
        Assert.Equal(ApprovalId, Assert.Single(client.RaisedEvents).Payload);
    }

    [Fact]
    public async Task Post_ReplayedDecision_RaisesNoSecondEvent()
    {
        var client = new RecordingDurableTaskClient();
        var token = ApproverTokens.Create();
        var (session, antiForgery) = await OpenPageAsync(token);
        await PostAsync(token, session, antiForgery, durableClient: client);

        await PostAsync(token, session, antiForgery, durableClient: client);

        Assert.Single(client.RaisedEvents);
    }

    [Fact]
    public async Task Get_Page_RaisesNoEvent()
    {
        var client = new RecordingDurableTaskClient();

        await _function.RunAsync(Request("GET", ApproverTokens.Create()).Request, ApprovalId, client, CancellationToken.None);

        Assert.Empty(client.RaisedEvents);
    }

    private async Task<(string Session, string AntiForgery)> OpenPageAsync(string token)
    {
        var context = Request("GET", token);
        var page = AssertHtml(await _function.RunAsync(context.Request, ApprovalId, null, CancellationToken.None), StatusCodes.Status200OK);
        var session = SessionCookieValue().Match(context.Response.Headers.SetCookie.ToString()).Groups[1].Value;
        var antiForgery = AntiForgeryInput().Match(page).Groups[1].Value;
        Assert.NotEmpty(session);
        Assert.NotEmpty(antiForgery);
        return (session, antiForgery);
    }

    private Task<IActionResult> PostAsync(string token, string? session, string antiForgery, string decision = "approve", DurableTaskClient? durableClient = null)
    {
        var context = Request("POST", token);
        if (session is not null)
        {
            context.Request.Headers.Cookie = $"{ApprovalPageFunction.SessionCookie}={session}";
        }

        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues>
        {
            [ApprovalForm.ApprovalIdField] = ApprovalId,
            [ApprovalForm.PlanHashField] = PlanHash,
            [ApprovalForm.DecisionField] = decision,
            [ApprovalForm.AntiForgeryField] = antiForgery,
        });
        return _function.RunAsync(context.Request, ApprovalId, durableClient, CancellationToken.None);
    }

    private async Task<ApprovalStatus> StoredStatusAsync() => (await _store.GetAsync(ApprovalId))!.Request.Status;

    private static DefaultHttpContext Request(string method, string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        return context;
    }

    private static string AssertHtml(IActionResult result, int statusCode)
    {
        var content = Assert.IsType<ContentResult>(result);
        Assert.True(statusCode == content.StatusCode, $"Expected status {statusCode}, got {content.StatusCode}: {content.Content}");
        Assert.StartsWith("text/html", content.ContentType, StringComparison.Ordinal);
        return content.Content!;
    }

    private static ApprovalRequest PendingRequest() => new()
    {
        ApprovalId = ApprovalId,
        InvestigationId = "inv-1a2b3c4d5e6f7a8b9c0d",
        PlanHash = PlanHash,
        Actions =
        [
            new ApprovalAction("inv-1a2b3c4d5e6f7a8b9c0d|disable-user|oid:alice", ResponseActionType.DisableUser, "account", "oid:11111111-1111-1111-1111-111111111111", "Alice Smith", ImpactLevel.High, ["alice@contoso.com"]),
        ],
        CreatedAt = TestTokens.Now.AddMinutes(-30),
        ExpiresAt = TestTokens.Now.AddHours(2),
        EscalateTo = "soc-lead",
    };

    [GeneratedRegex(@"__Host-aisoc-approval-session=([0-9a-f]+)")]
    private static partial Regex SessionCookieValue();

    [GeneratedRegex("name=\"__antiForgery\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryInput();
}
