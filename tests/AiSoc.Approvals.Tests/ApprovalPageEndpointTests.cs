using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AiSoc.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Approvals.Tests;

public sealed partial class ApprovalPageEndpointTests : IDisposable
{
    private const string Session = "session-1";

    private readonly FakeTimeProvider _time = new(ApprovalFixtures.Now);
    private readonly TestTokens _tokens;
    private readonly InMemoryApprovalStore _store = new();
    private readonly ApprovalPageEndpoint _endpoint;
    private readonly ApprovalRequest _request;

    public ApprovalPageEndpointTests()
    {
        _tokens = new TestTokens(_time);
        var options = _tokens.Options();
        var handler = new ApprovalHandler(_store, new ApproverTokenValidator(options, _time), options, new InMemoryAuditLog(_time), _time);
        _endpoint = new ApprovalPageEndpoint(_store, handler, new AntiForgeryTokens(RandomNumberGenerator.GetBytes(32), _time, TimeSpan.FromMinutes(30)));
        _request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation("<script>alert(1)</script>"), ApprovalFixtures.Now);
        Assert.True(_store.CreateAsync(_request).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Get_WithValidToken_NeverDecides()
    {
        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("GET", "appr-1", Session, _tokens.Create(), Form(approve: true, "token")));

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Result);
        Assert.Equal(ApprovalStatus.Pending, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Get_Page_EncodesAlertTextAndPostsForm()
    {
        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("GET", "appr-1", Session, null, null));

        Assert.DoesNotContain("<script>", response.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", response.Html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\">", response.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", response.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithPageToken_Approves()
    {
        var antiForgery = await AntiForgeryTokenFromPageAsync();

        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("POST", "appr-1", Session, _tokens.Create(), Form(approve: true, antiForgery)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(ApprovalOutcome.Approved, response.Result!.Outcome);
    }

    [Fact]
    public async Task Post_TokenFromOtherSession_IsRejected()
    {
        var antiForgery = await AntiForgeryTokenFromPageAsync();

        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("POST", "appr-1", "session-2", _tokens.Create(), Form(approve: true, antiForgery)));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(ApprovalStatus.Pending, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Post_MissingDecision_IsBadRequest()
    {
        var antiForgery = await AntiForgeryTokenFromPageAsync();
        var form = new Dictionary<string, string>(Form(approve: true, antiForgery));
        form.Remove(ApprovalForm.DecisionField);

        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("POST", "appr-1", Session, _tokens.Create(), form));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("decision", response.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutBearerToken_IsUnauthorized()
    {
        var antiForgery = await AntiForgeryTokenFromPageAsync();

        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("POST", "appr-1", Session, null, Form(approve: true, antiForgery)));

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Put_IsMethodNotAllowed()
    {
        var response = await _endpoint.HandleAsync(new ApprovalPageRequest("PUT", "appr-1", Session, _tokens.Create(), null));

        Assert.Equal(405, response.StatusCode);
    }

    public void Dispose() => _tokens.Dispose();

    private async Task<string> AntiForgeryTokenFromPageAsync()
    {
        var page = await _endpoint.HandleAsync(new ApprovalPageRequest("GET", "appr-1", Session, null, null));
        return AntiForgeryValue().Match(page.Html).Groups[1].Value;
    }

    private Dictionary<string, string> Form(bool approve, string antiForgery) => new()
    {
        [ApprovalForm.ApprovalIdField] = "appr-1",
        [ApprovalForm.PlanHashField] = _request.PlanHash,
        [ApprovalForm.DecisionField] = approve ? "approve" : "reject",
        [ApprovalForm.AntiForgeryField] = antiForgery,
    };

    [GeneratedRegex("name=\"__antiForgery\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryValue();
}
