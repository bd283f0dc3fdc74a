using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Tests.Support;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Tests.Support;
using AiSoc.Storage;
using AiSoc.Storage.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

/// <summary>
/// A Sentinel data export batch built from real <c>SecurityAlert</c> rows: the rows split over three events, with a
/// truncated event between them, as one partition delivers them.
/// </summary>
public sealed class AlertStreamExportBatchTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private const string Hub = "aisoc-alerts";
    private const string Partition = "1";

    [Fact]
    public async Task Ingest_ExportBatchWithTruncatedEvent_StoresEveryRow()
    {
        var (ingestor, alerts, _) = await CreateAsync();
        var rows = Rows();

        var result = await ingestor.IngestAsync(Hub, Batch(rows), CancellationToken.None);

        // Rows that repeat a product alert (same VendorOriginalId under new SystemAlertIds) are versions of one alert.
        var alertIds = StableIds(rows).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(alertIds.Count, result.Inserted);
        foreach (var alertId in alertIds)
        {
            Assert.NotNull(await alerts.GetAsync(alertId));
        }
    }

    [Fact]
    public async Task Ingest_ExportBatchWithTruncatedEvent_DeadLettersItsPosition()
    {
        var (ingestor, _, deadLetters) = await CreateAsync();

        await ingestor.IngestAsync(Hub, Batch(Rows()), CancellationToken.None);

        var deadLetter = Assert.Single(await deadLetters.ListAsync(Hub));
        Assert.Equal(Partition, deadLetter.PartitionId);
        Assert.Equal("20200", deadLetter.Offset);
        Assert.Equal(202, deadLetter.SequenceNumber);
        Assert.StartsWith("invalid JSON", deadLetter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ExportBatchDeliveredTwice_StoresNothingNew()
    {
        var (ingestor, _, _) = await CreateAsync();
        await ingestor.IngestAsync(Hub, Batch(Rows()), CancellationToken.None);

        var again = await ingestor.IngestAsync(Hub, Batch(Rows()), CancellationToken.None);

        Assert.Equal(0, again.Inserted + again.Updated);
    }

    private async Task<(AlertStreamIngestor Ingestor, TableAlertStore Alerts, TableDeadLetterStore DeadLetters)> CreateAsync()
    {
        var alerts = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var deadLetters = new TableDeadLetterStore(await tables.CreateTableAsync("dead"));
        var ingestor = new AlertStreamIngestor(
            new EventRecordNormalizer(KnownFormats.CreateRegistry()),
            alerts,
            deadLetters,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero)),
            NullLogger<AlertStreamIngestor>.Instance);
        return (ingestor, alerts, deadLetters);
    }

    private static List<JsonElement> Rows()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("sentinel/securityalert_msticpy_alerts_list.json")));
        return [.. document.RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    // Events 200 to 203 of one partition: two export envelopes, a body cut off mid-record, and a third envelope.
    private static List<StreamEvent> Batch(List<JsonElement> rows)
    {
        var thirds = rows.Chunk((rows.Count + 2) / 3).ToList();
        var bodies = new List<string> { Envelope(thirds[0]), Envelope(thirds[1]), Envelope(thirds[2])[..40], Envelope(thirds[2]) };
        return [.. bodies.Select((body, index) => new StreamEvent(
            System.Text.Encoding.UTF8.GetBytes(body), Partition, ((200 + index) * 100).ToString(CultureInfo.InvariantCulture), 200 + index))];
    }

    private static string Envelope(IEnumerable<JsonElement> rows) =>
        "{\"records\":[" + string.Join(',', rows.Select(row => row.GetRawText())) + "]}";

    // The expected stable ids, from the same normalizers the CLI uses.
    private static List<string> StableIds(List<JsonElement> rows) =>
        [.. rows.SelectMany(row => new EventRecordNormalizer(KnownFormats.CreateRegistry())
            .Normalize(System.Text.Encoding.UTF8.GetBytes(row.GetRawText()), new AiSoc.Core.Schema.RawRecordRef("expected", 0)).Alerts)
            .Select(alert => alert.Id)];
}
