using AiSoc.Approvals;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Tests.Support;

namespace AiSoc.Investigations.Tests;

public sealed class IncidentUpdateTests
{
    private const string DisableUser = "disable-user";

    [Fact]
    public async Task Update_ChangedPlan_WithdrawsAndRequestsAgain()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-replan"));
        var first = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        await harness.UpdateIncidentAsync(instanceId, TestIncidents.CompromisedAccount("in-replan", withSecondAccount: true));
        var second = await harness.WaitForNewApprovalAsync(instanceId, first.ApprovalId!);
        var withdrawn = await harness.Approvals.GetAsync(first.ApprovalId!);
        var lateClick = await harness.DecideAsync(instanceId, first.ApprovalId!, approve: true);
        await harness.DecideAsync(instanceId, second.ApprovalId!, approve: true);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalStatus.Expired, withdrawn!.Request.Status);
        Assert.StartsWith("withdrawn: the plan changed", withdrawn.Request.DecisionComment, StringComparison.Ordinal);
        Assert.Equal(ApprovalOutcome.Late, lateClick.Outcome);
        Assert.Equal(2, record!.Decisions.Count);
        Assert.NotNull(record.Decisions[0].WithdrawnReason);
        Assert.Equal(ApprovalStatus.Approved, record.Decisions[1].Status);
        Assert.Equal(2, record.Actions.Count(outcome => outcome.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal) && outcome.Executed));
        Assert.Equal(1, record.IncidentUpdateCount);
        Assert.Single(harness.Notifier.Notices, notice => notice.Kind == NoticeKind.ApprovalWithdrawn);
    }

    [Fact]
    public async Task Update_ClosedAtProvider_WithdrawsWithoutAction()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var incident = TestIncidents.CompromisedAccount("in-closed");
        var instanceId = await harness.InvestigateAsync(incident);
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        await harness.UpdateIncidentAsync(instanceId, incident with { ProviderStatus = "Closed" });
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);
        var lateClick = await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);

        var decision = Assert.Single(record!.Decisions);
        Assert.Equal("the incident was closed at the provider", decision.WithdrawnReason);
        Assert.Equal("withdrawn", ApprovalFlowTests.Outcome(record, DisableUser).Result);
        Assert.False(ApprovalFlowTests.Outcome(record, DisableUser).Executed);
        Assert.Equal(ApprovalOutcome.Late, lateClick.Outcome);
        Assert.DoesNotContain(harness.DryRun.Recorded, action => action.IdempotencyKey.Contains(DisableUser, StringComparison.Ordinal));
        Assert.Contains(harness.Audit.Records, entry => entry.Name == "approval-withdrawn");
    }

    [Fact]
    public async Task Update_SamePlan_KeepsWaitingOnRequest()
    {
        await using var harness = new InvestigationHarness();
        await harness.StartAsync();
        var incident = TestIncidents.CompromisedAccount("in-same-plan");
        var instanceId = await harness.InvestigateAsync(incident);
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);

        await harness.UpdateIncidentAsync(instanceId, incident with { ProviderStatus = "Active" });
        await WaitForAuditAsync(harness, "incident-updated");
        var stored = await harness.Approvals.GetAsync(waiting.ApprovalId!);
        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(ApprovalStatus.Pending, stored!.Request.Status);
        Assert.Equal(ApprovalStatus.Approved, Assert.Single(record!.Decisions).Status);
        Assert.Equal("executed (dry run)", ApprovalFlowTests.Outcome(record, DisableUser).Result);
        Assert.Equal(1, record.IncidentUpdateCount);
    }

    [Fact]
    public async Task Update_WhileEnriching_IsCountedWithoutRestart()
    {
        var enricher = new GatedEnricher(new EvidenceEnricher());
        await using var harness = new InvestigationHarness(enricher: enricher);
        await harness.StartAsync();
        var incident = TestIncidents.CompromisedAccount("in-enriching");
        var instanceId = await harness.InvestigateAsync(incident);
        await harness.WaitForStageAsync(instanceId, InvestigationStages.Enriching);

        await harness.RaiseUpdateAsync(instanceId, incident.Incident.Id);
        await harness.RaiseUpdateAsync(instanceId, incident.Incident.Id);
        enricher.Release();
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: false);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(2, record!.IncidentUpdateCount);
        Assert.Equal(2, record.IncidentUpdateTimes.Count);
        Assert.Equal(1, enricher.Calls);
        Assert.Single(harness.Audit.Records, entry => entry.Name == "context-gathered");
        Assert.Equal(ApprovalStatus.Rejected, Assert.Single(record.Decisions).Status);
    }

    private static async Task WaitForAuditAsync(InvestigationHarness harness, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!harness.Audit.Records.Any(entry => entry.Name == name))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
