using System.Runtime.CompilerServices;
using System.Text.Json;
using AiSoc.Core.Normalizers;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Tests.Support;
using AiSoc.Storage;
using AiSoc.Storage.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

public sealed class GraphSecurityPollerTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly string AlertsSource = GraphSecurityPoller.SourceName(GraphSecurityResource.Alerts);

    [Fact]
    public async Task Poll_FirstRun_ReadsFromInitialLookback()
    {
        var (poller, feed, _) = await CreateAsync(SampleAlerts());

        await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(Now - TimeSpan.FromDays(1), Assert.Single(feed.Requests).Since);
    }

    [Fact]
    public async Task Poll_AfterItems_StoresLatestWatermark()
    {
        var (poller, _, watermarks) = await CreateAsync(SampleAlerts());

        await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(DateTimeOffset.Parse("2026-11-02T10:31:46.4Z", System.Globalization.CultureInfo.InvariantCulture), await watermarks.GetAsync(AlertsSource));
    }

    [Fact]
    public async Task Poll_SecondRun_StartsOverlapBeforeWatermark()
    {
        var (poller, feed, watermarks) = await CreateAsync(SampleAlerts());
        await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal((await watermarks.GetAsync(AlertsSource))!.Value - TimeSpan.FromMinutes(5), feed.Requests[1].Since);
    }

    [Fact]
    public async Task Poll_OverlapReturnsSameItems_CollapsesDuplicates()
    {
        var (poller, _, _) = await CreateAsync(SampleAlerts());
        var first = await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        var second = await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(3, first.Inserted);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(3, second.Duplicates);
    }

    [Fact]
    public async Task Poll_NoItems_KeepsWatermark()
    {
        var (poller, _, watermarks) = await CreateAsync([]);
        await watermarks.SetAsync(AlertsSource, Now.AddHours(-1));

        await poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(Now.AddHours(-1), await watermarks.GetAsync(AlertsSource));
    }

    private async Task<(GraphSecurityPoller Poller, FakeGraphSecurityFeed Feed, TableWatermarkStore Watermarks)> CreateAsync(JsonElement[] items)
    {
        var time = new FakeTimeProvider(Now);
        var watermarks = new TableWatermarkStore(await tables.CreateTableAsync("marks"));
        var ingestor = new AlertStreamIngestor(
            new EventRecordNormalizer(KnownFormats.CreateRegistry()),
            new TableAlertStore(await tables.CreateTableAsync("alerts")),
            new TableDeadLetterStore(await tables.CreateTableAsync("dead")),
            time,
            NullLogger<AlertStreamIngestor>.Instance);
        var feed = new FakeGraphSecurityFeed(items);
        var poller = new GraphSecurityPoller(feed, watermarks, ingestor, Options.Create(new GraphPollingOptions()), time, NullLogger<GraphSecurityPoller>.Instance);
        return (poller, feed, watermarks);
    }

    private static JsonElement[] SampleAlerts()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples/alerts/graph-alerts-v2.json")));
        return [.. document.RootElement.GetProperty("value").EnumerateArray().Select(item => item.Clone())];
    }

    private sealed class FakeGraphSecurityFeed(JsonElement[] items) : IGraphSecurityFeed
    {
        public List<(GraphSecurityResource Resource, DateTimeOffset Since)> Requests { get; } = [];

        public async IAsyncEnumerable<JsonElement> ReadChangedAsync(GraphSecurityResource resource, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Requests.Add((resource, since));
            foreach (var item in items)
            {
                await Task.Yield();
                yield return item;
            }
        }
    }
}
