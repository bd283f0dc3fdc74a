using AiSoc.Approvals;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Tests.Support;
using Microsoft.DurableTask.Client;

namespace AiSoc.Investigations.Tests;

public sealed class ApprovalFlowTests
{
    private const string DisableUser = "disable-user";
    private const string RevokeSessions = "revoke-sessions";

    [Fact]
    public async Task Investigation_Approved_RunsApprovedAction()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-approve"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        var result = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var (metadata, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalOutcome.Approved, result.Outcome);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("executed (dry run)", Outcome(record!, DisableUser).Result);
        Assert.Equal(ApprovalStatus.Approved, Assert.Single(record!.Decisions).Status);
        Assert.Equal(InvestigationHarness.ApproverUpn, record.Decisions[0].DecidedBy);
        Assert.Contains(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigation_Rejected_LeavesActionUnexecuted()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-reject"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        var result = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalOutcome.Rejected, result.Outcome);
        Assert.Equal("rejected", Outcome(record!, DisableUser).Result);
        Assert.False(Outcome(record!, DisableUser).Executed);
        Assert.Equal(ApprovalStatus.Rejected, Assert.Single(record!.Decisions).Status);
        Assert.DoesNotContain(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigation_NoDecision_ExpiresAndEscalates()
    {
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(approvalTimeout: "PT2S"));
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-timeout"));

        var (metadata, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("expired", Outcome(record!, DisableUser).Result);
        Assert.Equal(ApprovalStatus.Expired, Assert.Single(record!.Decisions).Status);
        var escalation = Assert.Single(harness.Notifier.Notices, notice => notice.Kind == NoticeKind.ApprovalExpired);
        Assert.Equal("soc-lead", escalation.Recipient);
        Assert.Contains(harness.Audit.Records, entry => entry.Name == "approval-expired" && entry.Outcome == "expired, no action taken");
        Assert.DoesNotContain(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigation_MixedImpact_WaitsForHighImpact()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-mixed"));

        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        var recordedWhileWaiting = harness.DryRun.Recorded;
        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Contains(recordedWhileWaiting, action => action.IdempotencyKey.Contains(RevokeSessions, StringComparison.Ordinal));
        Assert.DoesNotContain(recordedWhileWaiting, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
        Assert.Equal("executed (dry run)", Outcome(record!, RevokeSessions).Result);
        var stored = await harness.Approvals.GetAsync(waiting.ApprovalId!);
        Assert.Equal([DisableUser], stored!.Request.Actions.Select(action => Core.Response.ActionCatalog.Name(action.Type)));
    }

    internal static ActionOutcome Outcome(CaseRecord record, string actionName) =>
        Assert.Single(record.Actions, outcome => outcome.IdempotencyKey.Split('|')[1] == actionName);
}
