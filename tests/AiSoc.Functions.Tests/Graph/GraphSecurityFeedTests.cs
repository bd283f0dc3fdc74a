using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Output;
using AiSoc.Core.Schema;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Ingestion;
using Microsoft.Graph.Models.ODataErrors;

namespace AiSoc.Functions.Tests.Graph;

/// <summary><see cref="GraphSecurityFeed"/> on a real <c>GraphServiceClient</c> against the fake Graph on loopback.</summary>
public sealed class GraphSecurityFeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2021, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private GraphFeedFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await GraphFeedFixture.StartAsync(pageSize: 2);

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public void AddGraphSecurityFeed_ReplacesUnconfiguredFeed()
    {
        var feed = fixture.Feed;

        Assert.IsType<GraphSecurityFeed>(feed);
    }

    [Fact]
    public async Task ReadChanged_RealAlert_NormalizesLikeFile()
    {
        var json = GraphFeedFixture.RealAlertJson();
        fixture.Graph.PublishSecurityAlert(json);

        var item = Assert.Single(await ReadAsync(GraphSecurityResource.Alerts, Since));

        var fromFeed = Normalize(item.GetRawText());
        var fromFile = Normalize(json);
        Assert.Equal(JsonSerializer.Serialize(fromFile, OutputJson.Options), JsonSerializer.Serialize(fromFeed, OutputJson.Options));
    }

    [Fact]
    public async Task ReadChanged_RealAlert_KeepsEveryField()
    {
        var json = GraphFeedFixture.RealAlertJson();
        fixture.Graph.PublishSecurityAlert(json);

        var item = Assert.Single(await ReadAsync(GraphSecurityResource.Alerts, Since));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(item.GetRawText())), "The feed changed the alert JSON.");
    }

    [Fact]
    public async Task ReadChanged_Since_SendsLastUpdateFilter()
    {
        fixture.Graph.PublishSecurityAlert(GraphFeedFixture.RealAlertJson());

        await ReadAsync(GraphSecurityResource.Alerts, new DateTimeOffset(2021, 5, 1, 2, 30, 0, TimeSpan.FromHours(2)));

        var request = Assert.Single(fixture.Graph.RequestsAt("GET", GraphFeedFixture.AlertsPath));
        Assert.Equal("lastUpdateDateTime ge 2021-05-01T00:30:00.0000000Z", request.Query["$filter"]);
        Assert.Equal("2", request.Query["$top"]);
    }

    [Fact]
    public async Task ReadChanged_OlderItems_LeavesThemOut()
    {
        var lastUpdate = GraphFeedFixture.RealAlertLastUpdate();
        fixture.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(1, lastUpdate.AddHours(-2)));
        fixture.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(2, lastUpdate));

        var items = await ReadAsync(GraphSecurityResource.Alerts, lastUpdate.AddHours(-1));

        Assert.Equal([GraphFeedFixture.AlertVariant(2, lastUpdate)], items.Select(item => item.GetRawText()));
    }

    [Fact]
    public async Task ReadChanged_SeveralPages_FollowsNextLink()
    {
        var lastUpdate = GraphFeedFixture.RealAlertLastUpdate();
        for (var number = 1; number <= 5; number++)
        {
            fixture.Graph.PublishSecurityAlert(GraphFeedFixture.AlertVariant(number, lastUpdate.AddMinutes(-number)));
        }

        var items = await ReadAsync(GraphSecurityResource.Alerts, Since);

        Assert.Equal(5, items.Select(item => item.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(3, fixture.Graph.RequestsAt("GET", GraphFeedFixture.AlertsPath).Count);
    }

    [Fact]
    public async Task ReadChanged_Throttled_RetriesAfterRetryAfter()
    {
        fixture.Graph.PublishSecurityAlert(GraphFeedFixture.RealAlertJson());
        fixture.Graph.RetryAfter = "1";
        fixture.Graph.Throttle(GraphFeedFixture.AlertsPath, 1);

        var items = await ReadAsync(GraphSecurityResource.Alerts, Since);

        Assert.Single(items);
        var attempts = fixture.Graph.RequestsAt("GET", GraphFeedFixture.AlertsPath);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"Retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}.");
    }

    [Fact]
    public async Task ReadChanged_Incidents_ExpandsAlerts()
    {
        var incident = JsonNode.Parse(GraphFeedFixture.RealIncidentJson()[0])!.AsObject();
        incident["alerts"] = new JsonArray(JsonNode.Parse(GraphFeedFixture.RealAlertJson()));
        fixture.Graph.PublishSecurityIncident(incident.ToJsonString());

        var item = Assert.Single(await ReadAsync(GraphSecurityResource.Incidents, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal("alerts", Assert.Single(fixture.Graph.RequestsAt("GET", GraphFeedFixture.IncidentsPath)).Query["$expand"]);
        Assert.Equal(1, item.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task ReadChanged_Forbidden_ThrowsODataError()
    {
        fixture.Graph.Forbid(GraphFeedFixture.AlertsPath);

        var error = await Assert.ThrowsAsync<ODataError>(() => ReadAsync(GraphSecurityResource.Alerts, Since));

        Assert.Equal(403, error.ResponseStatusCode);
    }

    [Fact]
    public async Task ReadChanged_NextLinkToOtherHost_Throws()
    {
        fixture.Graph.RespondVerbatim("GET", GraphFeedFixture.AlertsPath, 200,
            """{"value":[],"@odata.nextLink":"https://graph.example.invalid/v1.0/security/alerts_v2?$skiptoken=2"}""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(GraphSecurityResource.Alerts, Since));

        Assert.Contains("@odata.nextLink points to https://graph.example.invalid", error.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Graph.Requests);
    }

    [Fact]
    public async Task ReadChanged_PageWithoutValue_ThrowsNamingField()
    {
        fixture.Graph.RespondVerbatim("GET", GraphFeedFixture.AlertsPath, 200, """{"items":[]}""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(GraphSecurityResource.Alerts, Since));

        Assert.Equal("Graph GET /security/alerts_v2 page 1: field value is missing or is not an array.", error.Message);
    }

    private async Task<List<JsonElement>> ReadAsync(GraphSecurityResource resource, DateTimeOffset since)
    {
        var items = new List<JsonElement>();
        await foreach (var item in fixture.Feed.ReadChangedAsync(resource, since, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    private static NormalizedAlert Normalize(string json)
    {
        var normalizer = new EventRecordNormalizer(KnownFormats.CreateRegistry());
        var result = normalizer.Normalize(Encoding.UTF8.GetBytes(json), new RawRecordRef("graph-alerts_v2", 0));
        Assert.Empty(result.Rejects);
        return Assert.Single(result.Alerts);
    }
}
