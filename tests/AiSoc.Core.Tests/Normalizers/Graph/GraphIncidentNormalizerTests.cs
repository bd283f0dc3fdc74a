using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Graph;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Graph;

public class GraphIncidentNormalizerTests
{
    private const string IncidentsFile = "defender/xsoar_graph_security_incidents_list_response.json";

    private readonly GraphIncidentNormalizer _normalizer = new();

    [Fact]
    public void CanNormalize_ListedIncidents_ReturnTrue()
    {
        var records = ReadIncidents();

        Assert.Equal(2, records.Count);
        Assert.All(records, record => Assert.True(_normalizer.CanNormalize(record)));
    }

    [Fact]
    public void CanNormalize_ListedIncidents_AreNotClaimedByAlertNormalizer()
    {
        var alertNormalizer = new GraphAlertNormalizer();

        var records = ReadIncidents();

        Assert.All(records, record => Assert.False(alertNormalizer.CanNormalize(record)));
    }

    [Fact]
    public void Normalize_Incident12345_ReadsFields()
    {
        var incident = NormalizeListed("12345").Incident!;

        Assert.Equal(SourceProduct.DefenderXdr, incident.Source);
        Assert.Equal("12345", incident.ProviderIncidentId);
        Assert.StartsWith("DLP policy (Custom policy) matched for email", incident.Title, StringComparison.Ordinal);
        Assert.Equal(Severity.Medium, incident.Severity);
        Assert.Equal("active", incident.Status);
        Assert.Null(incident.Classification);
    }

    [Fact]
    public void Normalize_Incident12345_ReadsUtcTimes()
    {
        var incident = NormalizeListed("12345").Incident!;

        Assert.Equal(Utc("2024-03-26T13:34:15.0433333Z"), incident.CreatedAt);
        Assert.Equal(Utc("2024-03-26T13:35:45.23Z"), incident.LastUpdatedAt);
        Assert.Equal(TimeSpan.Zero, incident.CreatedAt!.Value.Offset);
    }

    [Fact]
    public void Normalize_Incident12346_ReadsInformationalResolved()
    {
        var incident = NormalizeListed("12346").Incident!;

        Assert.Equal("Automated investigation started manually on one endpoint", incident.Title);
        Assert.Equal(Severity.Informational, incident.Severity);
        Assert.Equal("resolved", incident.Status);
        Assert.Equal(Utc("2024-03-26T13:16:45.3466667Z"), incident.CreatedAt);
        Assert.Equal(Utc("2024-03-26T13:31:46.5066667Z"), incident.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_ListedIncidentWithoutExpandedAlerts_HasNoAlertsOrWarnings()
    {
        var result = NormalizeListed("12346");

        Assert.Empty(result.Alerts);
        Assert.Empty(result.Incident!.ProviderAlertIds);
        Assert.Empty(result.Incident.Warnings);
    }

    [Fact]
    public void Normalize_ExpandedAlerts_SetsIncidentIdOnEachAlert()
    {
        var record = IncidentWithAlerts("""
            {"id":"da1","providerAlertId":"da1","title":"Suspicious PowerShell","severity":"high","category":"Execution",
             "createdDateTime":"2024-05-01T10:00:00Z","serviceSource":"microsoftDefenderForEndpoint"},
            {"id":"da2","title":"Suspicious sign-in","createdDateTime":"2024-05-01T10:05:00Z"}
            """);

        var result = Normalize(record);

        Assert.Equal(2, result.Alerts.Count);
        Assert.All(result.Alerts, alert => Assert.Equal("77", alert.ProviderIncidentId));
        Assert.Equal(["da1", "da2"], result.Incident!.ProviderAlertIds);
        Assert.Equal(["Execution"], result.Incident.Tactics);
    }

    [Fact]
    public void Normalize_ExpandedAlertWithoutTitle_DropsOnlyThatAlert()
    {
        var record = IncidentWithAlerts("""
            {"id":"da1","title":"Suspicious PowerShell","createdDateTime":"2024-05-01T10:00:00Z"},
            {"id":"da2","createdDateTime":"2024-05-01T10:05:00Z"}
            """);

        var result = Normalize(record);

        Assert.Equal("da1", Assert.Single(result.Alerts).ProviderAlertId);
        Assert.Equal(["da1", "da2"], result.Incident!.ProviderAlertIds);
        var warning = Assert.Single(result.Incident.Warnings);
        Assert.Contains("alerts[1]", warning, StringComparison.Ordinal);
        Assert.Contains("title", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ClassifiedIncident_KeepsClassificationAndDetermination()
    {
        var record = Parse("""
            {"@odata.type":"#microsoft.graph.security.incident","id":"9","displayName":"x","severity":"high",
             "classification":"truePositive","determination":"malware","createdDateTime":"2024-05-01T10:00:00Z"}
            """);

        var incident = Normalize(record).Incident!;

        Assert.Equal("truePositive", incident.Classification);
        Assert.Contains("malware", Assert.Single(incident.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_MissingId_RejectsNamingId()
    {
        var record = Parse("""{"@odata.type":"#microsoft.graph.security.incident","displayName":"x","createdDateTime":"2024-05-01T10:00:00Z"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void Normalize_UnknownTimestampFormat_RejectsNamingField()
    {
        var record = Parse("""{"id":"9","displayName":"x","incidentWebUrl":"https://security.microsoft.com/incidents/9","lastUpdateDateTime":"last Tuesday"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("lastUpdateDateTime", error.Field);
    }

    [Theory]
    [InlineData("""{"id":"9","displayName":"x","incidentWebUrl":"https://security.microsoft.com/incidents/9","providerAlertId":"a"}""")]
    [InlineData("""{"id":"9","properties":{"title":"x","incidentUrl":"https://portal.azure.com/x"}}""")]
    [InlineData("""{"@odata.type":"#microsoft.graph.security.alert","id":"9","displayName":"x","incidentWebUrl":"u"}""")]
    [InlineData("""{"riskEventType":"passwordSpray","riskLevel":"high","id":"r1"}""")]
    public void CanNormalize_OtherFormat_ReturnsFalse(string json)
    {
        var record = Parse(json);

        Assert.False(_normalizer.CanNormalize(record));
    }

    private NormalizationResult NormalizeListed(string id) =>
        Normalize(ReadIncidents().Single(record => record.GetProperty("id").GetString() == id));

    private NormalizationResult Normalize(JsonElement record) =>
        _normalizer.Normalize(record, new RawRecordRef("test.json", 0));

    private static List<JsonElement> ReadIncidents()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(IncidentsFile)));
        return document.RootElement.GetProperty("value").EnumerateArray().Select(item => item.Clone()).ToList();
    }

    private static JsonElement IncidentWithAlerts(string alerts) =>
        Parse($$"""{"@odata.type":"#microsoft.graph.security.incident","id":"77","displayName":"Multi-stage incident","severity":"high","createdDateTime":"2024-05-01T10:00:00Z","alerts":[{{alerts}}]}""");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
