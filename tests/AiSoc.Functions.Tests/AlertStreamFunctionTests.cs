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

public sealed class AlertStreamFunctionTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private const string Hub = "alerts-hub";

    [Fact]
    public async Task Ingest_SentinelExportBatch_StoresEveryAlert()
    {
        var (function, alerts, _) = await CreateAsync();
        var rows = SentinelRows();

        await function.IngestAsync([ExportEnvelope(rows)], Context(("0", 100, 1)), CancellationToken.None);

        foreach (var alertId in AlertIdsOf(rows))
        {
            Assert.NotNull(await alerts.GetAsync(alertId));
        }
    }

    [Fact]
    public async Task Ingest_PoisonEvent_DeadLettersAndKeepsOthers()
    {
        var (function, alerts, deadLetters) = await CreateAsync();
        var rows = SentinelRows();

        await function.IngestAsync(["{not json", ExportEnvelope(rows)], Context(("2", 4096, 7), ("2", 4200, 8)), CancellationToken.None);

        var deadLetter = Assert.Single(await deadLetters.ListAsync(Hub));
        Assert.StartsWith("invalid JSON", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal("2", deadLetter.PartitionId);
        Assert.Equal("4096", deadLetter.Offset);
        Assert.Equal(7, deadLetter.SequenceNumber);
        Assert.Equal("{not json", deadLetter.Body);
        Assert.NotNull(await alerts.GetAsync(AlertIdsOf(rows)[0]));
    }

    [Fact]
    public async Task Ingest_UnknownRecord_DeadLettersWithReason()
    {
        var (function, _, deadLetters) = await CreateAsync();

        await function.IngestAsync(["""{"records":[{"hello":"world"}]}"""], Context(("1", 10, 1)), CancellationToken.None);

        var deadLetter = Assert.Single(await deadLetters.ListAsync(Hub));
        Assert.Equal(0, deadLetter.Item);
        Assert.Contains("no normalizer matches", deadLetter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RedeliveredBatch_CollapsesByProviderAlertId()
    {
        var body = ExportEnvelope(SentinelRows());
        var ingestor = CreateIngestor(await CreateStoresAsync());

        var first = await ingestor.IngestAsync(Hub, [Event(body)], CancellationToken.None);
        var again = await ingestor.IngestAsync(Hub, [Event(body), Event(body)], CancellationToken.None);

        Assert.Equal(2, first.Inserted);
        Assert.Equal(0, again.Inserted);
        Assert.Equal(0, again.Updated);
        Assert.Equal(4, again.Duplicates);
    }

    [Fact]
    public async Task Ingest_DefenderStreamingRecord_UnwrapsProperties()
    {
        var (function, alerts, deadLetters) = await CreateAsync();
        var row = SentinelRows()[0].GetRawText();
        var streaming = $$"""{"records":[{"time":"2026-11-02T08:00:00Z","tenantId":"t","operationName":"Publish","category":"AdvancedHunting-AlertInfo","properties":{{row}}}]}""";

        await function.IngestAsync([streaming], Context(("0", 1, 1)), CancellationToken.None);

        Assert.Empty(await deadLetters.ListAsync(Hub));
        Assert.NotNull(await alerts.GetAsync(AlertIdsOf([SentinelRows()[0]])[0]));
    }

    private async Task<(AlertStreamFunction Function, TableAlertStore Alerts, TableDeadLetterStore DeadLetters)> CreateAsync()
    {
        var stores = await CreateStoresAsync();
        var function = new AlertStreamFunction(CreateIngestor(stores), Options.Create(new AlertStreamOptions { EventHubName = Hub }));
        return (function, stores.Alerts, stores.DeadLetters);
    }

    private async Task<(TableAlertStore Alerts, TableDeadLetterStore DeadLetters)> CreateStoresAsync() =>
        (new TableAlertStore(await tables.CreateTableAsync("alerts")), new TableDeadLetterStore(await tables.CreateTableAsync("dead")));

    private static AlertStreamIngestor CreateIngestor((TableAlertStore Alerts, TableDeadLetterStore DeadLetters) stores) => new(
        new EventRecordNormalizer(KnownFormats.CreateRegistry()),
        stores.Alerts,
        stores.DeadLetters,
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero)),
        NullLogger<AlertStreamIngestor>.Instance);

    private static StreamEvent Event(string body) => new(System.Text.Encoding.UTF8.GetBytes(body), "0", "1", 1);

    private static JsonElement[] SentinelRows()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/sentinel-securityalert.json")));
        return [.. document.RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    // The expected stable ids, from the same normalizers the CLI uses.
    private static List<string> AlertIdsOf(JsonElement[] rows) =>
        [.. rows.SelectMany(row => new EventRecordNormalizer(KnownFormats.CreateRegistry())
            .Normalize(System.Text.Encoding.UTF8.GetBytes(row.GetRawText()), new AiSoc.Core.Schema.RawRecordRef("expected", 0)).Alerts)
            .Select(alert => alert.Id)];

    private static string ExportEnvelope(JsonElement[] rows) =>
        "{\"records\":[" + string.Join(',', rows.Select(row => row.GetRawText())) + "]}";

    // Binding data as the 5.x Event Hubs extension sends it for a batch: JSON text per key.
    private static FakeFunctionContext Context(params (string Partition, long Offset, long Sequence)[] positions)
    {
        var properties = positions.Select(p => new Dictionary<string, object> { ["Offset"] = p.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SequenceNumber"] = p.Sequence });
        return new FakeFunctionContext(new Dictionary<string, object?>
        {
            ["PartitionContext"] = JsonSerializer.Serialize(new { PartitionId = positions[0].Partition }),
            ["SystemPropertiesArray"] = JsonSerializer.Serialize(properties),
        });
    }
}
