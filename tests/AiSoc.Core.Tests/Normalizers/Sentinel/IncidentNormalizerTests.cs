using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Sentinel;

public class IncidentNormalizerTests
{
    private static readonly RawRecordRef Raw = new("incidents.json", 0);

    private readonly IncidentNormalizer _normalizer = new();

    [Fact]
    public void Format_IsSentinelIncident()
    {
        Assert.Equal("sentinel-incident", _normalizer.Format);
    }

    [Fact]
    public void CanNormalize_IncidentByIdBody_ReturnsTrue()
    {
        Assert.True(_normalizer.CanNormalize(IncidentById()));
    }

    [Fact]
    public void CanNormalize_FlattenedExportRecords_ReturnTrue()
    {
        Assert.All(FlattenedIncidents(), record => Assert.True(_normalizer.CanNormalize(record)));
    }

    [Theory]
    [InlineData("""{"kind":"SecurityAlert","type":"Microsoft.SecurityInsights/Entities","properties":{"systemAlertId":"a1"}}""")]
    [InlineData("""{"IncidentNumber":"12","Title":"x","Severity":"High","AlertIds":"[\"a1\"]"}""")]
    [InlineData("""{"type":"Microsoft.SecurityInsights/incidentsComments","properties":{}}""")]
    [InlineData("""{"objectSchemaType":"Incident","object":"text"}""")]
    [InlineData("""{"type":42}""")]
    [InlineData("""null""")]
    public void CanNormalize_OtherShapes_ReturnsFalse(string json)
    {
        Assert.False(_normalizer.CanNormalize(Parse(json)));
    }

    [Fact]
    public void Normalize_IncidentById_ReadsIdentity()
    {
        var incident = _normalizer.Normalize(IncidentById(), Raw).Incident!;

        Assert.Equal("microsoft-sentinel", incident.Source);
        Assert.Equal("73e01a99-5cd7-4139-a149-9f2736ff2ab5", incident.ProviderIncidentId);
        Assert.Equal("My incident", incident.Title);
        Assert.Equal(Severity.High, incident.Severity);
        Assert.Equal("Closed", incident.Status);
        Assert.Equal("FalsePositive", incident.Classification);
    }

    [Fact]
    public void Normalize_IncidentById_ReadsUtcTimes()
    {
        var incident = _normalizer.Normalize(IncidentById(), Raw).Incident!;

        Assert.Equal(new DateTimeOffset(2019, 1, 1, 13, 15, 30, TimeSpan.Zero), incident.CreatedAt);
        Assert.Equal(TimeSpan.Zero, incident.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2019, 1, 1, 13, 15, 30, TimeSpan.Zero), incident.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_IncidentById_ReadsTacticsWithoutAlerts()
    {
        var result = _normalizer.Normalize(IncidentById(), Raw);

        Assert.Equal(["InitialAccess", "Persistence"], result.Incident!.Tactics);
        Assert.Empty(result.Incident.ProviderAlertIds);
        Assert.Empty(result.Incident.Entities);
        Assert.Empty(result.Incident.Warnings);
        Assert.Empty(result.Alerts);
        Assert.Same(Raw, result.Incident.Raw);
    }

    [Fact]
    public void Normalize_FlattenedFirstRecord_ReadsIdentityAndTimes()
    {
        var incident = _normalizer.Normalize(FlattenedIncidents()[0], Raw).Incident!;

        Assert.Equal("02c52f66-041b-4fd7-b309-31a41871dca3", incident.ProviderIncidentId);
        Assert.Equal("redadbpjprnridkeoecaoplpeo", incident.Title);
        Assert.Equal(Severity.Medium, incident.Severity);
        Assert.Equal("New", incident.Status);
        Assert.Null(incident.Classification);
        Assert.Equal(new DateTimeOffset(2021, 10, 5, 15, 11, 27, TimeSpan.Zero).AddTicks(9108388), incident.CreatedAt);
        Assert.Equal(new DateTimeOffset(2021, 10, 5, 15, 11, 27, TimeSpan.Zero).AddTicks(9108388), incident.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_FlattenedFirstRecord_ReadsAlertIds()
    {
        var result = _normalizer.Normalize(FlattenedIncidents()[0], Raw);

        Assert.Equal(["Discovery"], result.Incident!.Tactics);
        Assert.Equal(["kjlnjprklrcjroilapccfdifrmlbofbrlbim"], result.Incident.ProviderAlertIds);
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void Normalize_FlattenedSecondRecord_ReadsHighWithoutTactics()
    {
        var incident = _normalizer.Normalize(FlattenedIncidents()[1], Raw).Incident!;

        Assert.Equal("d16cf472-8409-402e-8c73-0ec5c7583c77", incident.ProviderIncidentId);
        Assert.Equal(Severity.High, incident.Severity);
        Assert.Empty(incident.Tactics);
        Assert.Equal(["noeklpbbqlfimaeiloqldpkffrpljeoepaoq"], incident.ProviderAlertIds);
        Assert.Equal(new DateTimeOffset(2021, 10, 5, 15, 4, 20, TimeSpan.Zero).AddTicks(6732179), incident.CreatedAt);
    }

    [Fact]
    public void Normalize_FlattenedThirdRecord_ReadsDefenseEvasion()
    {
        var incident = _normalizer.Normalize(FlattenedIncidents()[2], Raw).Incident!;

        Assert.Equal("8f511f62-3db7-455e-9bd3-d92e2362c585", incident.ProviderIncidentId);
        Assert.Equal(["DefenseEvasion"], incident.Tactics);
        Assert.Equal(["kmadeojaqdnenmjnpoifdpqrqccqrbkaajnb"], incident.ProviderAlertIds);
    }

    [Fact]
    public void Normalize_FlattenedExport_ReadsAllFiveIncidents()
    {
        var ids = FlattenedIncidents().Select(record => _normalizer.Normalize(record, Raw).Incident!.ProviderIncidentId);

        Assert.Equal(
            [
                "02c52f66-041b-4fd7-b309-31a41871dca3", "d16cf472-8409-402e-8c73-0ec5c7583c77",
                "8f511f62-3db7-455e-9bd3-d92e2362c585", "e5cdc955-524b-474b-bcfb-750070c0faaa",
                "ec08c13f-c737-40a7-a508-d9db1ebab4a8",
            ],
            ids);
    }

    [Fact]
    public void Normalize_PartlyFlattenedPath_ReadsTactics()
    {
        var record = Parse("""
            {"name":"i1","type":"Microsoft.SecurityInsights/Incidents","properties.title":"t",
             "properties.additionalData":{"tactics":["LateralMovement"]}}
            """);

        var incident = _normalizer.Normalize(record, Raw).Incident!;

        Assert.Equal(["LateralMovement"], incident.Tactics);
    }

    [Fact]
    public void Normalize_UnknownTactic_KeepsOthersWithWarning()
    {
        var record = Parse("""
            {"name":"i1","type":"Microsoft.SecurityInsights/incidents",
             "properties":{"title":"t","additionalData":{"tactics":["Impact","Sabotage"]}}}
            """);

        var incident = _normalizer.Normalize(record, Raw).Incident!;

        Assert.Equal(["Impact"], incident.Tactics);
        Assert.Equal("properties.additionalData.tactics: ignored unknown ATT&CK tactic 'Sabotage'", Assert.Single(incident.Warnings));
    }

    [Fact]
    public void Normalize_NameMissing_TakesGuidFromId()
    {
        var record = Parse("""
            {"id":"/subscriptions/s/providers/Microsoft.SecurityInsights/incidents/9d1c0b2a-0000-4000-8000-000000000009",
             "type":"Microsoft.SecurityInsights/incidents","properties":{"title":"t"}}
            """);

        var incident = _normalizer.Normalize(record, Raw).Incident!;

        Assert.Equal("9d1c0b2a-0000-4000-8000-000000000009", incident.ProviderIncidentId);
    }

    [Fact]
    public void Normalize_MissingTitle_ThrowsNamingField()
    {
        var record = Parse("""{"name":"i1","type":"Microsoft.SecurityInsights/incidents","properties":{"title":"null","severity":"High"}}""");

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("properties.title", error.Field);
    }

    [Fact]
    public void Normalize_FlattenedMissingTitle_ThrowsNamingField()
    {
        var record = Parse("""{"name":"i1","properties.incidentNumber":7,"properties.title":""}""");

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("properties.title", error.Field);
    }

    [Fact]
    public void Normalize_UnreadableCreatedTime_ThrowsNamingField()
    {
        var record = Parse("""{"name":"i1","type":"Microsoft.SecurityInsights/incidents","properties":{"title":"t","createdTimeUtc":"last Tuesday"}}""");

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("properties.createdTimeUtc", error.Field);
    }

    private static JsonElement IncidentById()
    {
        var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("sentinel/GetIncidentById_2024-09-01.json")));
        return document.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");
    }

    private static List<JsonElement> FlattenedIncidents()
    {
        var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("sentinel/incidents_msticpy_rest.json")));
        return [.. document.RootElement.EnumerateArray()];
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
