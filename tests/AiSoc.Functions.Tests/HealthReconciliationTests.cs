using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Operations;
using AiSoc.Functions.Status;
using AiSoc.Storage;
using AiSoc.Storage.Tests;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

/// <summary>Pipeline health of the alert stream: the ledger's counts and lag reach the snapshot.</summary>
public sealed class HealthReconciliationTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private const string HubName = "aisoc-alerts";
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Collect_LedgerWithTwoPartitions_SumsReconciliation()
    {
        var ledger = new TableIngestionLedger(await tables.CreateTableAsync("ledger"));
        await ledger.RecordAsync(new PartitionBatch(HubName, "0", 0, 9, 10, Now.AddSeconds(-70), Now.AddSeconds(-60), 9, 1));
        await ledger.RecordAsync(new PartitionBatch(HubName, "1", 0, 4, 5, Now.AddSeconds(-8), Now.AddSeconds(-5), 5, 0));
        await ledger.RecordAsync(new PartitionBatch(HubName, "1", 10, 11, 2, Now.AddSeconds(-3), Now, 2, 0));
        var collector = await CreateCollectorAsync(ledger);

        var snapshot = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(new StreamReconciliation(2, 17, 0, 5, 16, 1), snapshot.Streams![HubName]);
    }

    [Fact]
    public async Task Collect_LedgerWithBatches_ReportsLagOfNewestBatch()
    {
        var ledger = new TableIngestionLedger(await tables.CreateTableAsync("ledger"));
        await ledger.RecordAsync(new PartitionBatch(HubName, "0", 0, 9, 10, Now.AddSeconds(-70), Now.AddSeconds(-60), 10, 0));
        await ledger.RecordAsync(new PartitionBatch(HubName, "1", 0, 4, 5, Now.AddSeconds(-3), Now, 5, 0));
        var collector = await CreateCollectorAsync(ledger);

        var snapshot = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(3, snapshot.IngestionLagSeconds[HubName]);
    }

    [Fact]
    public async Task Collect_NoBatchYet_ReportsEmptyStreamAndNoLag()
    {
        var collector = await CreateCollectorAsync(new TableIngestionLedger(await tables.CreateTableAsync("ledger")));

        var snapshot = await collector.CollectAsync(CancellationToken.None);

        Assert.Null(snapshot.IngestionLagSeconds[HubName]);
    }

    private async Task<PipelineHealthCollector> CreateCollectorAsync(IIngestionLedger ledger)
    {
        var approvals = await tables.CreateTableAsync("approvals");
        return new PipelineHealthCollector(
            new TableWatermarkStore(await tables.CreateTableAsync("marks")),
            new TableDeadLetterStore(await tables.CreateTableAsync("dead")),
            new PendingApprovalQuery(approvals),
            new NoInvestigationsFactory(),
            Options.Create(new AlertStreamOptions { EventHubName = HubName }),
            new FakeTimeProvider(Now),
            ledger);
    }

    private sealed class NoInvestigationsFactory : IInvestigationStatusReaderFactory
    {
        public bool ReadsOrchestrations => false;

        public IInvestigationStatusReader Create(Microsoft.DurableTask.Client.DurableTaskClient? client) => new NoInvestigations();
    }

    private sealed class NoInvestigations : IInvestigationStatusReader
    {
        public Task<InvestigationStatus?> GetAsync(string investigationId, CancellationToken cancellationToken) => Task.FromResult<InvestigationStatus?>(null);

        public Task<string?> GetReportAsync(string investigationId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<IReadOnlyDictionary<string, int>> CountByStageAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
    }
}
