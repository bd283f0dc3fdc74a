using AiSoc.Core.Response;
using AiSoc.Core.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Core.Tests.Response;

public class ResponsePolicyTests
{
    private readonly FakeTimeProvider _time = new(ResponseFixtures.Now);

    [Fact]
    public async Task Evaluate_LowAndHighImpact_SplitDecisions()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());

        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());

        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);
        var disable = Decision(evaluation, ResponseActionType.DisableUser);
        Assert.Equal(ActionDisposition.AutoExecute, revoke.Disposition);
        Assert.True(revoke.MayRunNow);
        Assert.Equal(ActionDisposition.RequireApproval, disable.Disposition);
        Assert.Contains(disable.Reasons, reason => reason.Contains("playbook requires approval", StringComparison.Ordinal));
        Assert.Contains(disable.Reasons, reason => reason.Contains("impact high", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_HighImpactAllowed_AutoRuns()
    {
        var options = ResponseFixtures.LiveOptions();
        options.MaxAutoImpact = ImpactLevel.High;
        var policy = Policy(options);
        var plan = PlanOf(WithAutoRun(CompromisedAccountPlan().Actions.First(action => action.Type == ResponseActionType.DisableUser)));

        var evaluation = await policy.EvaluateAsync(plan, ResponseFixtures.Context());

        Assert.Equal(ActionDisposition.AutoExecute, Assert.Single(evaluation.Decisions).Disposition);
    }

    [Theory]
    [InlineData("break-glass")]
    [InlineData("privileged")]
    [InlineData("vip")]
    public async Task Evaluate_ProtectedAccount_RequiresApproval(string list)
    {
        var options = ResponseFixtures.LiveOptions();
        var protectedList = list switch
        {
            "break-glass" => options.BreakGlassAccounts,
            "privileged" => options.PrivilegedRoleHolders,
            _ => options.VipAccounts,
        };
        protectedList.Add("ALICE@contoso.com");
        var policy = Policy(options);

        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());

        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);
        Assert.Equal(ActionDisposition.RequireApproval, revoke.Disposition);
        Assert.Contains(revoke.Reasons, reason => reason.Contains("never contained automatically", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_BuiltInAccount_RequiresApproval()
    {
        var system = new AccountEntity { Sid = "S-1-5-18", Name = "SYSTEM", IsBuiltIn = true };
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;
        var plan = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, system));

        var evaluation = await Policy(ResponseFixtures.LiveOptions()).EvaluateAsync(plan, ResponseFixtures.Context());

        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);
        Assert.Equal(ActionDisposition.RequireApproval, revoke.Disposition);
        Assert.Contains(revoke.Reasons, reason => reason.Contains("built-in principal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_DomainController_NotQuarantinedAutomatically()
    {
        var options = ResponseFixtures.LiveOptions();
        options.DomainControllers.Add("dc01.contoso.com");
        var dc = new HostEntity { HostName = "dc01", Fqdn = "dc01.contoso.com" };
        var file = new FileEntity { Name = "evil.exe", Sha256 = new string('a', 64) };
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("endpoint-malware")!;
        var plan = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, dc, file));

        var evaluation = await Policy(options).EvaluateAsync(plan, ResponseFixtures.Context());

        Assert.Equal(ActionDisposition.AutoExecute, Decision(evaluation, ResponseActionType.RunAvScan).Disposition);
        var restrict = Decision(evaluation, ResponseActionType.RestrictAppExecution);
        Assert.Contains(restrict.Reasons, reason => reason.Contains("domain controller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_BlastRadiusReached_RequiresApproval()
    {
        var options = ResponseFixtures.LiveOptions();
        options.BlastRadiusLimits["revoke-sessions"] = 2;
        var policy = Policy(options);
        var plan = CompromisedAccountPlan();

        var decisions = new List<ActionDecision>();
        for (var i = 0; i < 3; i++)
        {
            var evaluation = await policy.EvaluateAsync(plan, ResponseFixtures.Context());
            decisions.Add(Decision(evaluation, ResponseActionType.RevokeSessions));
        }

        Assert.Equal(ActionDisposition.AutoExecute, decisions[0].Disposition);
        Assert.Equal(ActionDisposition.AutoExecute, decisions[1].Disposition);
        Assert.Equal(ActionDisposition.RequireApproval, decisions[2].Disposition);
        Assert.Contains("blast-radius limit of 2", decisions[2].Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_NextWindow_ResetsBlastRadius()
    {
        var options = ResponseFixtures.LiveOptions();
        options.BlastRadiusLimits["revoke-sessions"] = 1;
        var policy = Policy(options);
        var plan = CompromisedAccountPlan();
        await policy.EvaluateAsync(plan, ResponseFixtures.Context());

        _time.Advance(TimeSpan.FromHours(1));
        var evaluation = await policy.EvaluateAsync(plan, ResponseFixtures.Context(latestActivity: _time.GetUtcNow()));

        Assert.Equal(ActionDisposition.AutoExecute, Decision(evaluation, ResponseActionType.RevokeSessions).Disposition);
    }

    [Fact]
    public async Task Evaluate_ConcurrentInvestigations_NeverExceedLimit()
    {
        var options = ResponseFixtures.LiveOptions();
        options.BlastRadiusLimits["revoke-sessions"] = 5;
        var policy = Policy(options);
        var plan = CompromisedAccountPlan();

        var evaluations = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => policy.EvaluateAsync(plan, ResponseFixtures.Context()))));

        var automatic = evaluations.Count(evaluation => Decision(evaluation, ResponseActionType.RevokeSessions).Disposition == ActionDisposition.AutoExecute);
        Assert.Equal(5, automatic);
    }

    [Fact]
    public async Task Evaluate_OldAlert_RequiresApproval()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());
        var context = ResponseFixtures.Context(latestActivity: ResponseFixtures.Now.AddHours(-25));

        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), context);

        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);
        Assert.Equal(ActionDisposition.RequireApproval, revoke.Disposition);
        Assert.Contains(revoke.Reasons, reason => reason.Contains("25 h old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_ShadowMode_RunsNothing()
    {
        var options = ResponseFixtures.LiveOptions();
        options.ShadowMode = true;
        var counter = new InMemoryActionRateCounter();
        var policy = new ResponsePolicy(options, counter, _time);

        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());

        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);
        Assert.Equal(ActionDisposition.AutoExecute, revoke.Disposition);
        Assert.True(revoke.ShadowOnly);
        Assert.All(evaluation.Decisions, decision => Assert.False(decision.MayRunNow));
        Assert.Equal(0, (await counter.GetAsync("revoke-sessions", BlastRadiusGate.WindowStart(ResponseFixtures.Now, options.BlastRadiusWindow))).Count);
    }

    [Fact]
    public void Options_Default_IsShadowMode()
    {
        var options = new ResponsePolicyOptions();

        Assert.True(options.ShadowMode);
    }

    [Fact]
    public async Task Evaluate_KillSwitch_NoAutomaticActions()
    {
        var options = ResponseFixtures.LiveOptions();
        options.KillSwitch = true;

        var evaluation = await Policy(options).EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());

        Assert.All(evaluation.Decisions, decision => Assert.NotEqual(ActionDisposition.AutoExecute, decision.Disposition));
        Assert.Contains(Decision(evaluation, ResponseActionType.RevokeSessions).Reasons, reason => reason.Contains("kill switch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_NeedsContext_GoesToPerson()
    {
        var evaluation = await Policy(ResponseFixtures.LiveOptions()).EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context(Verdict.NeedsContext, 0.99));

        Assert.All(evaluation.Decisions, decision => Assert.Equal(ActionDisposition.RequireApproval, decision.Disposition));
        Assert.Contains(Decision(evaluation, ResponseActionType.RevokeSessions).Reasons, reason => reason.Contains("needs context", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Verdict.Suspicious, 0.95)]
    [InlineData(Verdict.Malicious, 0.5)]
    [InlineData(Verdict.Malicious, null)]
    public async Task Evaluate_BelowThresholds_RequiresApproval(Verdict verdict, double? confidence)
    {
        var evaluation = await Policy(ResponseFixtures.LiveOptions()).EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context(verdict, confidence));

        Assert.Equal(ActionDisposition.RequireApproval, Decision(evaluation, ResponseActionType.RevokeSessions).Disposition);
    }

    [Fact]
    public async Task Evaluate_BlockedActionType_Blocks()
    {
        var options = ResponseFixtures.LiveOptions();
        options.BlockedActions.Add("disable-user");

        var evaluation = await Policy(options).EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());

        Assert.Equal(ActionDisposition.Block, Decision(evaluation, ResponseActionType.DisableUser).Disposition);
    }

    [Fact]
    public async Task Recheck_KillSwitchAfterEvaluation_StopsAutomaticAction()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());
        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());
        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);
        var current = ResponseFixtures.LiveOptions();
        current.KillSwitch = true;

        var check = policy.RecheckBeforeExecution(revoke.Action, ResponseFixtures.Context(), approvedByPerson: false, current, _time.GetUtcNow());

        Assert.Equal(ExecutionClearance.NeedsApproval, check.Clearance);
    }

    [Fact]
    public async Task Recheck_ActionBlockedAfterApproval_Blocks()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());
        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());
        var disable = Decision(evaluation, ResponseActionType.DisableUser);
        var current = ResponseFixtures.LiveOptions();
        current.BlockedActions.Add("disable-user");

        var check = policy.RecheckBeforeExecution(disable.Action, ResponseFixtures.Context(), approvedByPerson: true, current, _time.GetUtcNow());

        Assert.Equal(ExecutionClearance.Blocked, check.Clearance);
    }

    [Fact]
    public async Task Recheck_ShadowModeAfterApproval_RunsNothing()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());
        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());
        var disable = Decision(evaluation, ResponseActionType.DisableUser);
        var current = ResponseFixtures.LiveOptions();
        current.ShadowMode = true;

        var check = policy.RecheckBeforeExecution(disable.Action, ResponseFixtures.Context(), approvedByPerson: true, current, _time.GetUtcNow());

        Assert.Equal(ExecutionClearance.ShadowOnly, check.Clearance);
    }

    [Fact]
    public async Task Recheck_UnchangedPolicyAfterApproval_Executes()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());
        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());
        var disable = Decision(evaluation, ResponseActionType.DisableUser);

        var check = policy.RecheckBeforeExecution(disable.Action, ResponseFixtures.Context(), approvedByPerson: true, ResponseFixtures.LiveOptions(), _time.GetUtcNow());

        Assert.Equal(ExecutionClearance.Execute, check.Clearance);
    }

    [Fact]
    public async Task Recheck_AlertAgedBeforeExecution_NeedsApproval()
    {
        var policy = Policy(ResponseFixtures.LiveOptions());
        var evaluation = await policy.EvaluateAsync(CompromisedAccountPlan(), ResponseFixtures.Context());
        var revoke = Decision(evaluation, ResponseActionType.RevokeSessions);

        var check = policy.RecheckBeforeExecution(revoke.Action, ResponseFixtures.Context(), approvedByPerson: false, ResponseFixtures.LiveOptions(), ResponseFixtures.Now.AddDays(2));

        Assert.Equal(ExecutionClearance.NeedsApproval, check.Clearance);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEachProblem()
    {
        var options = ResponseFixtures.LiveOptions();
        options.MinimumAutoConfidence = 1.5;
        options.BlockedActions.Add("format-disk");

        var error = Assert.Throws<OptionsValidationException>(() => new ResponsePolicy(options, new InMemoryActionRateCounter(), _time));

        Assert.Contains(error.Failures, failure => failure.Contains("MinimumAutoConfidence", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("format-disk", StringComparison.Ordinal));
    }

    [Fact]
    public void FromIncident_UsesConfidenceOfMatchingVerdict()
    {
        var incident = ResponseFixtures.Incident(Verdict.Malicious);
        var alerts = new[]
        {
            ResponseFixtures.Alert(Verdict.Malicious, 0.8, ResponseFixtures.Now.AddHours(-2)),
            ResponseFixtures.Alert(Verdict.Suspicious, 0.99, ResponseFixtures.Now.AddHours(-1)),
        };

        var context = PolicyContext.FromIncident("inv-1", incident, alerts);

        Assert.Equal(0.8, context.Confidence);
        Assert.Equal(ResponseFixtures.Now.AddHours(-1), context.LatestActivityAt);
    }

    private ResponsePolicy Policy(ResponsePolicyOptions options) => new(options, new InMemoryActionRateCounter(), _time);

    private static ResponsePlan CompromisedAccountPlan()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;
        return ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious));
    }

    private static ResponsePlan PlanOf(params ProposedAction[] actions) => new()
    {
        InvestigationId = "inv-1",
        PlaybookId = "test",
        Actions = actions,
        PlanHash = PlanHasher.Compute(actions),
    };

    private static ProposedAction WithAutoRun(ProposedAction action) => new()
    {
        ActionId = action.ActionId,
        Type = action.Type,
        Target = action.Target,
        Impact = action.Impact,
        AutoRun = true,
        ApprovalTimeout = action.ApprovalTimeout,
        EscalateTo = action.EscalateTo,
        IdempotencyKey = action.IdempotencyKey,
    };

    private static ActionDecision Decision(PolicyEvaluation evaluation, ResponseActionType type) =>
        Assert.Single(evaluation.Decisions, decision => decision.Action.Type == type);
}
