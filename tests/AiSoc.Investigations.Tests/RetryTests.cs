using AiSoc.Investigations.Services;
using AiSoc.Investigations.Tests.Support;
using Microsoft.DurableTask.Client;

namespace AiSoc.Investigations.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task Enrichment_FailsOnce_IsRetried()
    {
        var enricher = new FlakyEnricher(new EvidenceEnricher());
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(approvalTimeout: "PT1S"), enricher: enricher);
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-flaky-enrich"));
        var (metadata, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(2, enricher.Calls);
        Assert.Contains(record!.Evidence, line => line.Contains("alert-evidence", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execution_ResponseLost_RetryDoesNotRunTwice()
    {
        var dryRun = new DryRunActionExecutor();
        var executor = new LostResponseExecutor(dryRun);
        await using var harness = new InvestigationHarness(TestPlaybooks.AccountPlaybook(approvalTimeout: "PT1S"), executor: executor);
        await harness.StartAsync();

        var instanceId = await harness.InvestigateAsync(TestIncidents.CompromisedAccount("in-flaky-execute"));
        var (_, record) = await harness.WaitForCompletionAsync(instanceId);

        Assert.Equal(2, executor.Calls);
        Assert.Single(dryRun.Recorded);
        Assert.Equal("executed (dry run)", ApprovalFlowTests.Outcome(record!, "revoke-sessions").Result);
    }
}
