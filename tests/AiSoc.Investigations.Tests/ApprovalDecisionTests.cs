using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Investigations.Activities;
using AiSoc.Investigations.Tests.Support;

namespace AiSoc.Investigations.Tests;

public sealed class ApprovalDecisionTests
{
    private const string DisableUser = "disable-user";

    [Fact]
    public async Task Decision_StoredBeforeWait_IsHonoredWithoutEvent()
    {
        await using var harness = new InvestigationHarness();
        harness.Approvals.AfterCreate = async request =>
        {
            var result = await harness.Handler.DecideAsync(new ApprovalDecision(request.ApprovalId, request.PlanHash, Approve: true, "early", harness.ApproverToken()));
            Assert.Equal(ApprovalOutcome.Approved, result.Outcome);
        };
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-early"));
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalStatus.Approved, Assert.Single(record!.Decisions).Status);
        Assert.Equal("executed (dry run)", ApprovalFlowTests.Outcome(record, DisableUser).Result);
    }

    [Fact]
    public async Task Decision_AfterExpiry_IsRecordedLateWithoutEffect()
    {
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(approvalTimeout: "PT2S"));
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-expired-id"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        var result = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);

        Assert.Equal(ApprovalOutcome.Late, result.Outcome);
        Assert.Equal("expired", ApprovalFlowTests.Outcome(record!, DisableUser).Result);
        Assert.Contains(harness.Audit.Records, entry => entry.Name == "approval-decision" && entry.Outcome == "late");
        Assert.DoesNotContain(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpireActivity_DecisionAfterTimer_RecordsLate()
    {
        var store = new InMemoryApprovalStore();
        var audit = new InMemoryAuditLog(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var request = new ApprovalRequest
        {
            ApprovalId = "a1",
            InvestigationId = "inv-1",
            PlanHash = "hash",
            Actions = [],
            CreatedAt = now.AddHours(-1),
            ExpiresAt = now.AddSeconds(-1),
            EscalateTo = "soc-lead",
            Status = ApprovalStatus.Approved,
            DecidedBy = "sam@contoso.com",
            DecidedAt = now,
        };
        await store.CreateAsync(request);
        var ticket = new ApprovalTicket("a1", "hash", request.ExpiresAt, "soc-lead", [], TimeSpan.FromMinutes(5));
        var activity = new ExpireApprovalActivity(store, new RecordingNotifier(), audit);

        var state = await activity.RunAsync(null!, new ExpireApprovalRequest(new InvestigationInput("inv-1", "in-1", "run-1"), ticket));

        Assert.Equal(ApprovalStatus.Expired, state.Status);
        Assert.Contains("after the request expired", state.LateDecision, StringComparison.Ordinal);
        Assert.Contains(audit.Records, entry => entry.Name == "approval-expired" && entry.Inputs["lateDecision"] != "none");
    }

    [Fact]
    public async Task Decision_Duplicate_ChangesNothing()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-duplicate"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        var first = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var second = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalOutcome.Approved, first.Outcome);
        Assert.Equal(ApprovalOutcome.Duplicate, second.Outcome);
        Assert.Equal(ApprovalStatus.Approved, Assert.Single(record!.Decisions).Status);
        Assert.Single(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no-role")]
    [InlineData("no-mfa")]
    [InlineData("target")]
    [InlineData("stale-plan")]
    public async Task Decision_Invalid_KeepsWaitingUntilValidDecision(string invalid)
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-" + invalid));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        var (token, planHash, expected) = invalid switch
        {
            "no-role" => (harness.Approver.CreateToken(InvestigationHarness.ApproverUpn, InvestigationHarness.ApproverOid, roles: ["Incident.Read"]), null, ApprovalOutcome.Forbidden),
            "no-mfa" => (harness.Approver.CreateToken(InvestigationHarness.ApproverUpn, InvestigationHarness.ApproverOid, authenticationMethods: ["pwd"]), null, ApprovalOutcome.MfaRequired),
            "target" => (harness.Approver.CreateToken(TestIncidents.TargetUpn, TestIncidents.TargetOid), null, ApprovalOutcome.SelfApproval),
            _ => (harness.ApproverToken(), new string('0', 64), ApprovalOutcome.StalePlan),
        };

        var invalidResult = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true, token, planHash);
        var stillWaiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        var storedAfterInvalid = await harness.Approvals.GetAsync(waiting.ApprovalId!);
        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(expected, invalidResult.Outcome);
        Assert.Equal(waiting.ApprovalId, stillWaiting.ApprovalId);
        Assert.Equal(ApprovalStatus.Pending, storedAfterInvalid!.Request.Status);
        Assert.Equal("rejected", ApprovalFlowTests.Outcome(record!, DisableUser).Result);
        Assert.DoesNotContain(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decision_UnknownApprovalId_IsNotFound()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-unknown-id"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        var result = await harness.DecideAsync(instanceId, "0123456789abcdef", approve: true, planHash: new string('0', 64));
        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalOutcome.NotFound, result.Outcome);
        Assert.Equal(ApprovalStatus.Rejected, Assert.Single(record!.Decisions).Status);
    }
}
