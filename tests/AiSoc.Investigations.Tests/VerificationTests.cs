using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Tests.Support;

namespace AiSoc.Investigations.Tests;

// Runs apart from the other tests of this collection, because several in-process Durable Task hosts at once
// slow each other down on two cores.
[Collection(DurableHostGroup.Name)]
public sealed class VerificationTests
{
    private const string RevokeSessions = "revoke-sessions";
    private const string DisableUser = "disable-user";

    [Fact]
    public async Task Verify_StaysPending_EscalatesToPerson()
    {
        var executor = new PendingActionExecutor();
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(approvalTimeout: "PT1S"), executor: executor);
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-stuck-pending"));
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        var outcome = ApprovalFlowTests.Outcome(record!, RevokeSessions);
        Assert.StartsWith("unverified", outcome.Result, StringComparison.Ordinal);
        Assert.Contains("escalated to", outcome.Result, StringComparison.Ordinal);
        var notice = Assert.Single(harness.Notifier.Notices, candidate => candidate.Kind == NoticeKind.ActionUnverified);
        Assert.Equal(instanceId, notice.InvestigationId);
        Assert.Contains(harness.Audit.Records, entry => entry.Name == "unverified-" + RevokeSessions && entry.Outcome == "escalated");
    }

    [Fact]
    public async Task Verify_CompletesOnThirdCheck_IsExecutedWithoutEscalation()
    {
        var executor = new PendingActionExecutor(completeAfterChecks: 3);
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(approvalTimeout: "PT1S"), executor: executor);
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-slow-pending"));
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal("executed", ApprovalFlowTests.Outcome(record!, RevokeSessions).Result);
        Assert.DoesNotContain(harness.Notifier.Notices, candidate => candidate.Kind == NoticeKind.ActionUnverified);
    }

    [Fact]
    public async Task Execute_AttributedExecutor_ReceivesApproverAndPolicyActor()
    {
        var executor = new PendingActionExecutor(completeAfterChecks: 1);
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(), executor: executor);
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-attributed"));
        var waiting = await harness.WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
        await harness.DecideAsync(instanceId, waiting.ApprovalId!, approve: true);
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(IAttributedActionExecutor.PolicyActor, executor.Approvers[ApprovalFlowTests.Outcome(record!, RevokeSessions).IdempotencyKey]);
        Assert.Equal(InvestigationHarness.ApproverUpn, executor.Approvers[ApprovalFlowTests.Outcome(record!, DisableUser).IdempotencyKey]);
    }

    [Fact]
    public async Task CompositeEnricher_TwoSources_ReturnsBothResults()
    {
        var enricher = new CompositeEntityEnricher(new EvidenceEnricher(), new EvidenceEnricher());
        Entity[] entities = [new AccountEntity { Upn = "megan@contoso.example", ObjectId = "00000000-0000-0000-0000-000000000001" }];

        var results = await enricher.EnrichAsync("inv-1", entities, CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.Equal(EnrichmentStatus.Resolved, result.Status));
    }
}
