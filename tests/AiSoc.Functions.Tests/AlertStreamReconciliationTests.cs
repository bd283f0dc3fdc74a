using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Normalizers;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Tests.Support;
using AiSoc.Storage;
using AiSoc.Storage.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

public sealed class AlertStreamReconciliationTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private const string Hub = "alerts-hub";
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ingest_BatchesWithGap_LedgerCountsMissedEvents()
    {
        var (function, ledger) = await CreateAsync();

        await function.RunAsync([Body(), Body()], Context("3", (10, Now.AddSeconds(-30)), (11, Now.AddSeconds(-20))), CancellationToken.None);
        await function.RunAsync([Body()], Context("3", (15, Now.AddSeconds(-5))), CancellationToken.None);

        var entry = Assert.Single(await ledger.ListAsync(Hub));
        Assert.Equal((3L, 3L, 15L), (entry.EventsRead, entry.EventsMissed, entry.LastSequence));
    }

    [Fact]
    public async Task Ingest_RedeliveredBatch_LedgerCountsRedelivery()
    {
        var (function, ledger) = await CreateAsync();
        var context = Context("0", (7, Now.AddSeconds(-10)));

        await function.RunAsync([Body()], context, CancellationToken.None);
        await function.RunAsync([Body()], context, CancellationToken.None);

        var entry = Assert.Single(await ledger.ListAsync(Hub));
        Assert.Equal((1L, 1L, 0L), (entry.EventsRead, entry.EventsRedelivered, entry.EventsMissed));
    }

    [Fact]
    public async Task Ingest_EnqueueTimeInBindingData_LedgerRecordsLag()
    {
        var (function, ledger) = await CreateAsync();

        await function.RunAsync([Body()], Context("0", (7, Now.AddSeconds(-42))), CancellationToken.None);

        Assert.Equal(42, Assert.Single(await ledger.ListAsync(Hub)).LastLagSeconds);
    }

    private async Task<(AlertStreamFunction Function, TableIngestionLedger Ledger)> CreateAsync()
    {
        var ledger = new TableIngestionLedger(await tables.CreateTableAsync("ledger"));
        var ingestor = new AlertStreamIngestor(
            new EventRecordNormalizer(KnownFormats.CreateRegistry()),
            new TableAlertStore(await tables.CreateTableAsync("alerts")),
            new TableDeadLetterStore(await tables.CreateTableAsync("dead")),
            new FakeTimeProvider(Now),
            NullLogger<AlertStreamIngestor>.Instance,
            ledger);
        return (new AlertStreamFunction(ingestor, Options.Create(new AlertStreamOptions { EventHubName = Hub })), ledger);
    }

    private static string Body() =>
        "{\"records\":[" + File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-securityalert.json")).Trim()[1..^1] + "]}";

    // Binding data as the 5.x Event Hubs extension sends it: JSON text with the enqueue time in round-trip format.
    private static FakeFunctionContext Context(string partition, params (long Sequence, DateTimeOffset Enqueued)[] positions)
    {
        var properties = positions.Select(p => new Dictionary<string, object>
        {
            ["Offset"] = (p.Sequence * 100).ToString(CultureInfo.InvariantCulture),
            ["SequenceNumber"] = p.Sequence,
            ["EnqueuedTimeUtc"] = p.Enqueued.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });
        return new FakeFunctionContext(new Dictionary<string, object?>
        {
            ["PartitionContext"] = JsonSerializer.Serialize(new { PartitionId = partition }),
            ["SystemPropertiesArray"] = JsonSerializer.Serialize(properties),
        });
    }
}
