using AiSoc.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Approvals.Tests;

public sealed class ApprovalHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(ApprovalFixtures.Now);
    private readonly TestTokens _tokens;
    private readonly InMemoryApprovalStore _store = new();
    private readonly InMemoryAuditLog _audit;
    private readonly ApprovalHandler _handler;
    private readonly ApprovalRequest _request;

    public ApprovalHandlerTests()
    {
        _tokens = new TestTokens(_time);
        _audit = new InMemoryAuditLog(_time);
        var options = _tokens.Options();
        _handler = new ApprovalHandler(_store, new ApproverTokenValidator(options, _time), options, _audit, _time);
        _request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation(), _time.GetUtcNow());
        Assert.True(_store.CreateAsync(_request).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Decide_Approve_MovesToApproved()
    {
        var result = await _handler.DecideAsync(Decision(approve: true));

        Assert.Equal(ApprovalOutcome.Approved, result.Outcome);
        Assert.Equal(ApprovalStatus.Approved, (await _store.GetAsync("appr-1"))!.Request.Status);
        Assert.Equal(TestTokens.ApproverUpn, result.Request!.DecidedBy);
    }

    [Fact]
    public async Task Decide_Reject_MovesToRejected()
    {
        var result = await _handler.DecideAsync(Decision(approve: false));

        Assert.Equal(ApprovalOutcome.Rejected, result.Outcome);
        Assert.Equal(ApprovalStatus.Rejected, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Decide_SecondDecision_IsNoOp()
    {
        await _handler.DecideAsync(Decision(approve: true));

        var second = await _handler.DecideAsync(Decision(approve: false));

        Assert.Equal(ApprovalOutcome.Duplicate, second.Outcome);
        Assert.Equal(ApprovalStatus.Approved, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Decide_ParallelDecisions_ExactlyOneApplies()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => _handler.DecideAsync(Decision(approve: i % 2 == 0)))));

        Assert.Equal(1, results.Count(result => result.Decided));
        Assert.Equal(15, results.Count(result => result.Outcome == ApprovalOutcome.Duplicate));
    }

    [Fact]
    public async Task Decide_AfterExpiry_IsLateWithNoEffect()
    {
        _time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        var result = await _handler.DecideAsync(Decision(approve: true));

        Assert.Equal(ApprovalOutcome.Late, result.Outcome);
        Assert.Equal(ApprovalStatus.Expired, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Decide_ExpiredRequest_StaysExpired()
    {
        _time.Advance(TimeSpan.FromHours(3));
        await _handler.DecideAsync(Decision(approve: false));

        var result = await _handler.DecideAsync(Decision(approve: true));

        Assert.Equal(ApprovalOutcome.Late, result.Outcome);
        Assert.Equal(ApprovalStatus.Expired, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Theory]
    [InlineData("appr-unknown")]
    [InlineData("../../etc/passwd")]
    public async Task Decide_UnknownId_IsNotFound(string approvalId)
    {
        var result = await _handler.DecideAsync(Decision(approve: true) with { ApprovalId = approvalId });

        Assert.Equal(ApprovalOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Decide_NoAppRole_IsForbidden()
    {
        var token = _tokens.Create(roles: ["Incident.Read"]);

        var result = await _handler.DecideAsync(Decision(approve: true, token));

        Assert.Equal(ApprovalOutcome.Forbidden, result.Outcome);
        Assert.Equal(ApprovalStatus.Pending, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Decide_NoMfa_ReturnsMfaRequired()
    {
        var token = _tokens.Create(amr: ["pwd"]);

        var result = await _handler.DecideAsync(Decision(approve: true, token));

        Assert.Equal(ApprovalOutcome.MfaRequired, result.Outcome);
    }

    [Theory]
    [InlineData(ApprovalFixtures.TargetOid, "someone@contoso.com")]
    [InlineData("33333333-3333-3333-3333-333333333333", "ALICE@contoso.com")]
    public async Task Decide_ApproverIsTarget_ReturnsSelfApproval(string oid, string upn)
    {
        var token = _tokens.Create(oid: oid, upn: upn);

        var result = await _handler.DecideAsync(Decision(approve: true, token));

        Assert.Equal(ApprovalOutcome.SelfApproval, result.Outcome);
        Assert.Equal(ApprovalStatus.Pending, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Decide_StalePlanHash_ReturnsStalePlan()
    {
        var result = await _handler.DecideAsync(Decision(approve: true) with { PlanHash = new string('0', 64) });

        Assert.Equal(ApprovalOutcome.StalePlan, result.Outcome);
        Assert.Equal(ApprovalStatus.Pending, (await _store.GetAsync("appr-1"))!.Request.Status);
    }

    [Fact]
    public async Task Decide_TokenSignedByOtherKey_IsUnauthenticated()
    {
        var token = _tokens.Create(signWithOtherKey: true);

        var result = await _handler.DecideAsync(Decision(approve: true, token));

        Assert.Equal(ApprovalOutcome.Unauthenticated, result.Outcome);
    }

    [Fact]
    public async Task Decide_PayloadSwappedUnderSignature_IsUnauthenticated()
    {
        var readerToken = _tokens.Create(roles: ["Incident.Read"]).Split('.');
        var approverPayload = _tokens.Create().Split('.')[1];
        var tampered = string.Join('.', readerToken[0], approverPayload, readerToken[2]);

        var result = await _handler.DecideAsync(Decision(approve: true, tampered));

        Assert.Equal(ApprovalOutcome.Unauthenticated, result.Outcome);
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("tenant")]
    public async Task Decide_WrongIssuerAudienceOrTenant_IsUnauthenticated(string field)
    {
        var token = field switch
        {
            "issuer" => _tokens.Create(issuer: "https://login.microsoftonline.com/other-tenant/v2.0"),
            "audience" => _tokens.Create(audience: "api://other-app"),
            _ => _tokens.Create(tenantId: "other-tenant"),
        };

        var result = await _handler.DecideAsync(Decision(approve: true, token));

        Assert.Equal(ApprovalOutcome.Unauthenticated, result.Outcome);
    }

    [Fact]
    public async Task Decide_ExpiredToken_IsUnauthenticated()
    {
        var token = _tokens.Create();
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(3));

        var result = await _handler.DecideAsync(Decision(approve: true, token));

        Assert.Equal(ApprovalOutcome.Unauthenticated, result.Outcome);
    }

    [Fact]
    public async Task Decide_MissingToken_IsUnauthenticated()
    {
        var result = await _handler.DecideAsync(Decision(approve: true) with { BearerToken = null });

        Assert.Equal(ApprovalOutcome.Unauthenticated, result.Outcome);
    }

    [Fact]
    public async Task Decide_EveryAttempt_IsAudited()
    {
        await _handler.DecideAsync(Decision(approve: true, _tokens.Create(amr: ["pwd"])));
        await _handler.DecideAsync(Decision(approve: true));

        var outcomes = _audit.Records.Select(record => record.Outcome).ToList();

        Assert.Equal(["mfa-required", "approved"], outcomes);
        Assert.Equal(TestTokens.ApproverUpn, _audit.Records[1].Actor);
    }

    [Fact]
    public void FromEvaluation_ShortestTimeout_SetsExpiry()
    {
        Assert.Equal(ApprovalFixtures.Now.AddHours(2), _request.ExpiresAt);
        Assert.Equal(2, _request.Actions.Count);
    }

    public void Dispose() => _tokens.Dispose();

    private ApprovalDecision Decision(bool approve, string? token = null) =>
        new("appr-1", _request.PlanHash, approve, "checked sign-ins", token ?? _tokens.Create());
}
