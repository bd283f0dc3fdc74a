using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Schema;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Tests.Graph;
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

    [Fact]
    public async Task Poll_FakeGraph_StoresAlertsAndAdvancesWatermark()
    {
        await using var graph = await GraphFeedFixture.StartAsync();
        var lastUpdate = GraphFeedFixture.RealAlertLastUpdate();
        for (var number = 1; number <= 4; number++)
        {
            graph.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(number, lastUpdate.AddMinutes(-number)));
        }

        var setup = await CreateOnGraphAsync(graph, lastUpdate.AddHours(1));

        var result = await setup.Poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(4, result.Inserted);
        Assert.Equal(lastUpdate.AddMinutes(-1), await setup.Watermarks.GetAsync(AlertsSource));
    }

    [Fact]
    public async Task Poll_UpdatedAlert_StoresNewVersion()
    {
        await using var graph = await GraphFeedFixture.StartAsync();
        var lastUpdate = GraphFeedFixture.RealAlertLastUpdate();
        graph.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(1, lastUpdate));
        var setup = await CreateOnGraphAsync(graph, lastUpdate.AddHours(1));
        await setup.Poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);
        var updated = GraphFeedFixture.AlertVariant(1, lastUpdate.AddMinutes(30), status: "resolved");
        graph.Graph.PublishSecurityAlert(updated);

        var second = await setup.Poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(0, second.Inserted);
        Assert.Equal(1, second.Updated);
        var stored = await setup.Alerts.GetAsync(AlertIdOf(updated));
        Assert.NotNull(stored);
        Assert.Equal(lastUpdate.AddMinutes(30), stored.VersionTime);
        Assert.Equal(lastUpdate.AddMinutes(30), await setup.Watermarks.GetAsync(AlertsSource));
    }

    [Fact]
    public async Task Poll_SeveralPages_StoresEveryAlert()
    {
        await using var graph = await GraphFeedFixture.StartAsync(pageSize: 2);
        var lastUpdate = GraphFeedFixture.RealAlertLastUpdate();
        for (var number = 1; number <= 5; number++)
        {
            graph.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(number, lastUpdate.AddMinutes(-number)));
        }

        var setup = await CreateOnGraphAsync(graph, lastUpdate.AddHours(1));

        var result = await setup.Poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(5, result.Inserted);
        Assert.Equal(3, graph.Graph.RequestsAt("GET", GraphFeedFixture.AlertsPath).Count);
    }

    [Fact]
    public async Task Poll_ThrottledWithRetryAfter_RetriesAndStores()
    {
        await using var graph = await GraphFeedFixture.StartAsync();
        var lastUpdate = GraphFeedFixture.RealAlertLastUpdate();
        graph.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(1, lastUpdate));
        graph.Graph.RetryAfter = "1";
        graph.Graph.Throttle(GraphFeedFixture.AlertsPath, 1);
        var setup = await CreateOnGraphAsync(graph, lastUpdate.AddHours(1));

        var result = await setup.Poller.PollAsync(GraphSecurityResource.Alerts, CancellationToken.None);

        Assert.Equal(1, result.Inserted);
        Assert.Equal(2, graph.Graph.RequestsAt("GET", GraphFeedFixture.AlertsPath).Count);
    }

    [Fact]
    public async Task Poll_Incidents_StoresExpandedAlerts()
    {
        await using var graph = await GraphFeedFixture.StartAsync();
        var incident = JsonNode.Parse(GraphFeedFixture.RealIncidentJson()[0])!.AsObject();
        incident["alerts"] = new JsonArray(JsonNode.Parse(GraphFeedFixture.RealAlertJson()));
        graph.Graph.PublishSecurityIncident(incident.ToJsonString());
        var setup = await CreateOnGraphAsync(graph, DateTimeOffset.Parse(incident["lastUpdateDateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddHours(1));

        var result = await setup.Poller.PollAsync(GraphSecurityResource.Incidents, CancellationToken.None);

        Assert.Equal(1, result.Incidents);
        Assert.Equal(1, result.Inserted);
    }

    private async Task<(GraphSecurityPoller Poller, TableWatermarkStore Watermarks, TableAlertStore Alerts)> CreateOnGraphAsync(GraphFeedFixture graph, DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        var watermarks = new TableWatermarkStore(await tables.CreateTableAsync("marks"));
        var alerts = new TableAlertStore(await tables.CreateTableAsync("alerts"));
        var ingestor = new AlertStreamIngestor(
            new EventRecordNormalizer(KnownFormats.CreateRegistry()),
            alerts,
            new TableDeadLetterStore(await tables.CreateTableAsync("dead")),
            time,
            NullLogger<AlertStreamIngestor>.Instance);
        var poller = new GraphSecurityPoller(graph.Feed, watermarks, ingestor, Options.Create(new GraphPollingOptions()), time, NullLogger<GraphSecurityPoller>.Instance);
        return (poller, watermarks, alerts);
    }

    private static string AlertIdOf(string json)
    {
        var normalization = new EventRecordNormalizer(KnownFormats.CreateRegistry()).Normalize(Encoding.UTF8.GetBytes(json), new RawRecordRef(AlertsSource, 0));
        return Assert.Single(normalization.Alerts).Id;
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
