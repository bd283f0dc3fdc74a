using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Stores;
using AiSoc.Core.Tests.Support;
using AiSoc.Investigations.Tests.Support;

namespace AiSoc.Investigations.Tests;

public sealed class ComponentTests
{
    [Fact]
    public async Task FileInvestigationStore_RoundTrip_KeepsEntities()
    {
        using var folder = new TempFiles();
        var store = new FileInvestigationStore(folder.Root);
        var incident = TestIncidents.CompromisedAccount("in-file");

        await store.SaveAsync("run-1", incident);
        var loaded = await store.GetAsync("run-1", "in-file");

        var account = Assert.IsType<AccountEntity>(Assert.Single(loaded!.Incident.Entities));
        Assert.Equal(TestIncidents.TargetUpn, account.Upn);
        Assert.Equal(Verdict.Malicious, loaded.Alerts[0].Verdict);
    }

    [Fact]
    public async Task FileInvestigationStore_UnsafeKey_IsRejected()
    {
        using var folder = new TempFiles();
        var store = new FileInvestigationStore(folder.Root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("../x", "in-1"));
    }

    [Fact]
    public async Task EvidenceEnricher_EntityWithoutStrongKey_IsUnresolved()
    {
        var enricher = new EvidenceEnricher();
        Entity[] entities = [new AccountEntity { Upn = TestIncidents.TargetUpn }, new AccountEntity { DisplayName = "Somebody" }];

        var result = await enricher.EnrichAsync("inv-1", entities, CancellationToken.None);

        Assert.Equal(EnrichmentStatus.Resolved, result[0].Status);
        Assert.Null(result[0].IsPrivileged);
        Assert.Equal(EnrichmentStatus.Unresolved, result[1].Status);
    }

    [Fact]
    public async Task DryRunExecutor_SameKeyTwice_RecordsOnce()
    {
        var executor = new DryRunActionExecutor();
        var action = TestPlaybooks.AccountPlaybook().Playbooks[0] is { } playbook
            ? Core.Response.ResponsePlanBuilder.Build("inv-1", playbook, TestIncidents.CompromisedAccount("in-1").Incident).Actions[0]
            : throw new InvalidOperationException("The test playbook is missing.");

        var first = await executor.ExecuteAsync(action, dryRun: true, CancellationToken.None);
        var second = await executor.ExecuteAsync(action, dryRun: true, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Single(executor.Recorded);
        await Assert.ThrowsAsync<InvalidOperationException>(() => executor.ExecuteAsync(action, dryRun: false, CancellationToken.None));
    }
}
