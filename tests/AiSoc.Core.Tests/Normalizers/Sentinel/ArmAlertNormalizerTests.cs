using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Sentinel;

public class ArmAlertNormalizerTests
{
    private static readonly RawRecordRef Raw = new("alerts.json", 0);

    private readonly ArmAlertNormalizer _normalizer = new();

    [Fact]
    public void Format_IsSentinelArmAlert()
    {
        Assert.Equal("sentinel-arm-alert", _normalizer.Format);
    }

    [Fact]
    public void CanNormalize_IncidentAlertsItem_ReturnsTrue()
    {
        Assert.True(_normalizer.CanNormalize(RealAlert()));
    }

    [Fact]
    public void CanNormalize_LowerCaseKind_ReturnsTrue()
    {
        Assert.True(_normalizer.CanNormalize(Parse("""{"kind":"securityalert","properties":{}}""")));
    }

    [Theory]
    [InlineData("""{"kind":"SecurityAlert"}""")]
    [InlineData("""{"kind":"SecurityAlert","properties":"text"}""")]
    [InlineData("""{"kind":"Account","properties":{"accountName":"alice"}}""")]
    [InlineData("""{"SystemAlertId":"a1","AlertName":"x","AlertSeverity":"High","Entities":"[]"}""")]
    [InlineData("""{"type":"Microsoft.SecurityInsights/incidents","properties":{"title":"x"}}""")]
    [InlineData("""[1,2]""")]
    public void CanNormalize_OtherShapes_ReturnsFalse(string json)
    {
        Assert.False(_normalizer.CanNormalize(Parse(json)));
    }

    [Fact]
    public void CanNormalize_IncidentResourceFile_ReturnsFalse()
    {
        var incident = RestBody("GetIncidentById_2024-09-01.json");

        Assert.False(_normalizer.CanNormalize(incident));
    }

    [Fact]
    public void Normalize_IncidentAlertsItem_ReadsIdsAndText()
    {
        var alert = Assert.Single(_normalizer.Normalize(RealAlert(), Raw).Alerts);

        Assert.Equal("microsoft-sentinel", alert.Source);
        Assert.Equal("baa8a239-6fde-4ab7-a093-d09f7b75c58c", alert.ProviderAlertId);
        Assert.Equal(StableIds.ForAlert("baa8a239-6fde-4ab7-a093-d09f7b75c58c"), alert.Id);
        Assert.Equal("myAlert", alert.Title);
        Assert.Equal("myAlert", alert.DetectorId);
        Assert.Equal("Azure Security Center", alert.ProductName);
        Assert.Equal("New", alert.Status);
        Assert.Equal(Severity.Low, alert.Severity);
    }

    [Fact]
    public void Normalize_IncidentAlertsItem_ReadsUtcTimes()
    {
        var expected = new DateTimeOffset(2020, 7, 20, 18, 21, 53, TimeSpan.Zero).AddTicks(6158361);

        var alert = Assert.Single(_normalizer.Normalize(RealAlert(), Raw).Alerts);

        Assert.Equal(expected, alert.CreatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
        Assert.Equal(expected, alert.FirstActivityAt);
        Assert.Equal(expected, alert.LastActivityAt);
        Assert.Equal(expected, alert.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_IncidentAlertsItem_KeepsExtras()
    {
        var alert = Assert.Single(_normalizer.Normalize(RealAlert(), Raw).Alerts);

        Assert.Equal("baa8a239-6fde-4ab7-a093-d09f7b75c58c", alert.Extra["systemAlertId"]);
        Assert.False(alert.Extra.ContainsKey("providerAlertId"));
        Assert.Equal("Microsoft", alert.Extra["vendorName"]);
        Assert.Equal("Unknown", alert.Extra["confidenceLevel"]);
        Assert.Empty(alert.Tactics);
        Assert.Empty(alert.Techniques);
        Assert.Empty(alert.Entities);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_ProviderAlertId_WinsOverSystemId()
    {
        var record = Alert("""
            "systemAlertId":"5c1d0c3e-0000-4000-8000-000000000001","providerAlertId":"da637700000000000000_1234",
            "alertDisplayName":"Suspicious PowerShell","timeGenerated":"2026-01-05T10:00:00Z"
            """);

        var alert = Assert.Single(_normalizer.Normalize(record, Raw).Alerts);

        Assert.Equal("da637700000000000000_1234", alert.ProviderAlertId);
        Assert.Equal("da637700000000000000_1234", alert.Extra["providerAlertId"]);
        Assert.Equal("5c1d0c3e-0000-4000-8000-000000000001", alert.Extra["systemAlertId"]);
    }

    [Fact]
    public void Normalize_InvalidAttackIds_BecomeWarnings()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"x","timeGenerated":"2026-01-05T10:00:00Z",
            "tactics":["Credential Access","Lurking"],"techniques":["t1110","T99"],"subTechniques":["T1110.003"]
            """);

        var alert = Assert.Single(_normalizer.Normalize(record, Raw).Alerts);

        Assert.Equal(["CredentialAccess"], alert.Tactics);
        Assert.Equal(["T1110", "T1110.003"], alert.Techniques);
        Assert.Contains(alert.Warnings, w => w.StartsWith("properties.tactics:", StringComparison.Ordinal) && w.Contains("'Lurking'", StringComparison.Ordinal));
        Assert.Contains(alert.Warnings, w => w.StartsWith("properties.techniques:", StringComparison.Ordinal) && w.Contains("'T99'", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_TimeWithOffset_ConvertsToUtc()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"x","timeGenerated":"2026-01-05T10:00:00-05:00"
            """);

        var alert = Assert.Single(_normalizer.Normalize(record, Raw).Alerts);

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero), alert.CreatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
    }

    [Fact]
    public void Normalize_AzureResourceIdentifier_AddsImpactedResource()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"x","timeGenerated":"2026-01-05T10:00:00Z",
            "resourceIdentifiers":[
              {"type":"LogAnalytics","workspaceId":"c8c99641-985d-4e4e-8e91-fb3466cd0e5b"},
              {"type":"AzureResource","azureResourceId":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1"}
            ]
            """);

        var alert = Assert.Single(_normalizer.Normalize(record, Raw).Alerts);

        var resource = Assert.IsType<AzureResourceEntity>(Assert.Single(alert.Entities));
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1", resource.ResourceId);
        Assert.Equal(EntityRole.Impacted, resource.Role);
    }

    [Fact]
    public void Normalize_StringNullSeverity_IsUnknown()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"x","timeGenerated":"2026-01-05T10:00:00Z","severity":"null","compromisedEntity":"null"
            """);

        var alert = Assert.Single(_normalizer.Normalize(record, Raw).Alerts);

        Assert.Equal(Severity.Unknown, alert.Severity);
        Assert.False(alert.Extra.ContainsKey("compromisedEntity"));
    }

    [Fact]
    public void Normalize_MissingTitle_ThrowsNamingField()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"","timeGenerated":"2026-01-05T10:00:00Z"
            """);

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("properties.alertDisplayName", error.Field);
    }

    [Fact]
    public void Normalize_MissingIds_ThrowsNamingSystemAlertId()
    {
        var record = Alert("""
            "alertDisplayName":"x","timeGenerated":"2026-01-05T10:00:00Z"
            """);

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("properties.systemAlertId", error.Field);
    }

    [Fact]
    public void Normalize_UnreadableTime_ThrowsNamingField()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"x","timeGenerated":"2026-01-05T10:00:00Z","startTimeUtc":"05.01.2026 10:00"
            """);

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("properties.startTimeUtc", error.Field);
    }

    [Fact]
    public void NormalizeAlert_WithPath_NamesFieldUnderPath()
    {
        var record = Alert("""
            "systemAlertId":"a1","alertDisplayName":"x"
            """);

        var error = Assert.Throws<InvalidRecordException>(() => ArmAlertNormalizer.NormalizeAlert(record, Raw, "object."));

        Assert.Equal("object.properties.timeGenerated", error.Field);
    }

    private static JsonElement RealAlert()
    {
        var body = RestBody("GetAllIncidentAlerts_2024-09-01.json");
        return body.GetProperty("value")[0];
    }

    private static JsonElement RestBody(string file)
    {
        var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("sentinel/" + file)));
        return document.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");
    }

    private static JsonElement Alert(string properties) =>
        Parse($$$"""{"kind":"SecurityAlert","properties":{ {{{properties}}} }}""");

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
