using AiSoc.Core.Response;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Tests.Support;

namespace AiSoc.Investigations.Tests;

public sealed class PolicyGateTests
{
    private const string DisableUser = "disable-user";
    private const string RevokeSessions = "revoke-sessions";

    [Fact]
    public async Task ProtectedEntity_AutomaticAction_NeedsApproval()
    {
        var policy = InvestigationHarness.AutomaticPolicy();
        policy.VipAccounts.Add(TestIncidents.TargetUpn);

        var (record, _) = await RunRejectedAsync(policy, "in-vip");

        var revoke = ApprovalFlowTests.Outcome(record, RevokeSessions);
        Assert.Equal(ActionDisposition.RequireApproval, revoke.Disposition);
        Assert.Contains(revoke.Reasons, reason => reason.Contains("tagged VIP", StringComparison.Ordinal));
        Assert.Equal("rejected", revoke.Result);
    }

    [Fact]
    public async Task BlastRadius_LimitReached_NeedsApproval()
    {
        var policy = InvestigationHarness.AutomaticPolicy();
        policy.BlastRadiusLimits[RevokeSessions] = 0;

        var (record, _) = await RunRejectedAsync(policy, "in-blast");

        var revoke = ApprovalFlowTests.Outcome(record, RevokeSessions);
        Assert.Equal(ActionDisposition.RequireApproval, revoke.Disposition);
        Assert.Contains(revoke.Reasons, reason => reason.Contains("blast-radius limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillSwitch_AutomaticAction_NeedsApproval()
    {
        var policy = InvestigationHarness.AutomaticPolicy();
        policy.KillSwitch = true;

        var (record, harness) = await RunRejectedAsync(policy, "in-kill");

        var revoke = ApprovalFlowTests.Outcome(record, RevokeSessions);
        Assert.Equal(ActionDisposition.RequireApproval, revoke.Disposition);
        Assert.Contains(revoke.Reasons, reason => reason.Contains("kill switch", StringComparison.Ordinal));
        Assert.Empty(harness.DryRun.Recorded);
    }

    [Fact]
    public async Task ShadowMode_ApprovedAction_RunsNothing()
    {
        await using var harness = new InvestigationHarness(policy: new ResponsePolicyOptions { ShadowMode = true });
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-shadow"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal("shadow-only", ApprovalFlowTests.Outcome(record!, RevokeSessions).Result);
        Assert.Equal("shadow-only at re-check", ApprovalFlowTests.Outcome(record!, DisableUser).Result);
        Assert.Empty(harness.DryRun.Recorded);
    }

    [Fact]
    public async Task PolicyChange_BetweenApprovalAndExecution_BlocksAction()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-policy-change"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        var changed = InvestigationHarness.AutomaticPolicy();
        changed.BlockedActions.Add(DisableUser);
        harness.Policy.Update(changed);

        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        var disable = ApprovalFlowTests.Outcome(record!, DisableUser);
        Assert.Equal("blocked at re-check", disable.Result);
        Assert.False(disable.Executed);
        Assert.DoesNotContain(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BlockedAction_AtEvaluation_IsRecordedBlocked()
    {
        var policy = InvestigationHarness.AutomaticPolicy();
        policy.BlockedActions.Add(DisableUser);
        await using var harness = new InvestigationHarness(policy: policy);
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-blocked"));
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal("blocked", ApprovalFlowTests.Outcome(record!, DisableUser).Result);
        Assert.Empty(record!.Decisions);
    }

    [Fact]
    public async Task Incident_WithoutEntities_GoesToPerson()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-no-entities", withEntities: false));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(InvestigationPlanner.HumanReviewPlaybookId, record!.PlaybookId);
        var review = Assert.Single(record.Actions);
        Assert.Equal("manual task for a person", review.Result);
        Assert.Contains(record.Evidence, line => line.Contains("no entities", StringComparison.Ordinal));
    }

    private static async Task<(CaseRecord Record, InvestigationHarness Harness)> RunRejectedAsync(ResponsePolicyOptions policy, string incidentId)
    {
        var harness = new InvestigationHarness(policy: policy);
        await using (harness)
        {
            await harness.StartAsync();
            var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount(incidentId));
            var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
            await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
            var (_, record) = await harness.WaitForCompletionAsync(instanceId);
            return (record!, harness);
        }
    }
}
