using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Normalizers.Sentinel;

public class AutomationEnvelopeTests
{
    private static readonly RawRecordRef Raw = new("trigger.json", 3);

    private readonly IncidentNormalizer _normalizer = new();

    [Theory]
    [InlineData(AutomationEnvelopeSamples.CreateIncident)]
    [InlineData(AutomationEnvelopeSamples.UpdateIncident)]
    [InlineData(AutomationEnvelopeSamples.AlertTrigger)]
    public void CanNormalize_TriggerBodies_ReturnsTrue(string json)
    {
        Assert.True(_normalizer.CanNormalize(Parse(json)));
    }

    [Fact]
    public void Normalize_CreateTrigger_ReadsIncident()
    {
        var incident = Create().Incident!;

        Assert.Equal("microsoft-sentinel", incident.Source);
        Assert.Equal(AutomationEnvelopeSamples.IncidentName, incident.ProviderIncidentId);
        Assert.Equal("Suspicious sign-in followed by mailbox rule", incident.Title);
        Assert.Equal(Severity.Medium, incident.Severity);
        Assert.Equal("New", incident.Status);
        Assert.Null(incident.Classification);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 45, 12, 500, TimeSpan.Zero), incident.CreatedAt);
    }

    [Fact]
    public void Normalize_CreateTrigger_ListsBothAlertIds()
    {
        var incident = Create().Incident!;

        Assert.Equal(["a1a1a1a1-0000-4000-8000-000000000001", "a1a1a1a1-0000-4000-8000-000000000002"], incident.ProviderAlertIds);
    }

    [Fact]
    public void Normalize_CreateTrigger_AppendsAlertTactics()
    {
        var incident = Create().Incident!;

        Assert.Equal(["InitialAccess", "Collection", "Exfiltration"], incident.Tactics);
    }

    [Fact]
    public void Normalize_CreateTrigger_ReadsIncidentEntities()
    {
        var incident = Create().Incident!;

        Assert.Equal(["account", "ip"], incident.Entities.Select(e => e.Kind));
        var account = (AccountEntity)incident.Entities[0];
        Assert.Equal("alice@contoso.com", account.Upn);
        Assert.Equal("3f2504e0-4f89-41d3-9a0c-0305e82c3301", account.ObjectId);
        Assert.Equal("198.51.100.23", ((IpEntity)incident.Entities[1]).Address);
        Assert.Empty(incident.Warnings);
    }

    [Fact]
    public void Normalize_CreateTrigger_LinksAlertsToIncident()
    {
        var alerts = Create().Alerts;

        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, alert => Assert.Equal(AutomationEnvelopeSamples.IncidentName, alert.ProviderIncidentId));
        Assert.Equal([0, 1], alerts.Select(alert => alert.Raw.Item ?? -1));
        Assert.All(alerts, alert => Assert.Equal(3, alert.Raw.Record));
    }

    [Fact]
    public void Normalize_CreateTrigger_ReadsFirstAlert()
    {
        var alert = Create().Alerts[0];

        Assert.Equal("Sign-in from an unusual country", alert.Title);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal(["InitialAccess"], alert.Tactics);
        Assert.Equal(["T1078"], alert.Techniques);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 44, 0, TimeSpan.Zero), alert.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 10, 0, TimeSpan.Zero), alert.FirstActivityAt);
    }

    [Fact]
    public void Normalize_CreateTrigger_AlertsKeepOwnEntities()
    {
        var alerts = Create().Alerts;

        Assert.Empty(alerts[0].Entities);
        var mailbox = Assert.IsType<MailboxEntity>(Assert.Single(alerts[1].Entities));
        Assert.Equal("alice@contoso.com", mailbox.Address);
    }

    [Fact]
    public void Normalize_CreateTrigger_DropsInvalidAlertIp()
    {
        var alert = Create().Alerts[1];

        var warning = Assert.Single(alert.Warnings);
        Assert.StartsWith("object.properties.alerts[1].properties.relatedEntities[0]:", warning, StringComparison.Ordinal);
        Assert.Contains("'203.0.113.300' is not an IP address", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_CreateTrigger_ConvertsAlertOffsetToUtc()
    {
        var alert = Create().Alerts[1];

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 45, 0, TimeSpan.Zero), alert.CreatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
    }

    [Fact]
    public void Normalize_UpdateTrigger_ReadsClosedClassification()
    {
        var incident = _normalizer.Normalize(Parse(AutomationEnvelopeSamples.UpdateIncident), Raw).Incident!;

        Assert.Equal(AutomationEnvelopeSamples.IncidentName, incident.ProviderIncidentId);
        Assert.Equal(Severity.High, incident.Severity);
        Assert.Equal("Closed", incident.Status);
        Assert.Equal("TruePositive", incident.Classification);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 2, 3, TimeSpan.Zero).AddTicks(1), incident.LastUpdatedAt);
        Assert.Equal(["InitialAccess", "Collection"], incident.Tactics);
        Assert.Empty(incident.ProviderAlertIds);
    }

    [Fact]
    public void Normalize_TriggerWithoutTitle_ThrowsNamingObjectPath()
    {
        var record = Parse(AutomationEnvelopeSamples.IncidentWithoutTitle);

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("object.properties.title", error.Field);
    }

    [Fact]
    public void Normalize_AlertTrigger_ReturnsAlertWithoutIncident()
    {
        var result = _normalizer.Normalize(Parse(AutomationEnvelopeSamples.AlertTrigger), Raw);

        Assert.Null(result.Incident);
        var alert = Assert.Single(result.Alerts);
        Assert.Equal("a1a1a1a1-0000-4000-8000-000000000003", alert.ProviderAlertId);
        Assert.Equal("Mass download by a single user", alert.Title);
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.Equal(["Exfiltration"], alert.Tactics);
        Assert.Null(alert.ProviderIncidentId);
    }

    [Fact]
    public void Normalize_AlertTriggerWithoutTime_Throws()
    {
        var record = Parse("""{"objectSchemaType":"Alert","object":{"properties":{"systemAlertId":"a9","alertDisplayName":"x"}}}""");

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("object.properties.timeGenerated", error.Field);
    }

    [Fact]
    public void Normalize_UnknownSchemaType_ThrowsNamingField()
    {
        var record = Parse("""{"objectSchemaType":"Entity","object":{"kind":"Ip","properties":{"address":"81.2.69.142"}}}""");

        var error = Assert.Throws<InvalidRecordException>(() => _normalizer.Normalize(record, Raw));

        Assert.Equal("objectSchemaType", error.Field);
    }

    [Fact]
    public void Normalize_BadCarriedAlert_KeepsIncidentWithWarning()
    {
        var record = Parse("""
            {"objectSchemaType":"Incident","objectEventType":"Update","object":{"name":"i2","properties":{
              "title":"t",
              "alerts":[
                {"kind":"SecurityAlert","properties":{"systemAlertId":"ok1","alertDisplayName":"good","timeGenerated":"2026-03-02T08:00:00Z"}},
                {"kind":"SecurityAlert","properties":{"systemAlertId":"bad1","alertDisplayName":"no time"}}
              ]}}}
            """);

        var result = _normalizer.Normalize(record, Raw);

        Assert.Equal("ok1", Assert.Single(result.Alerts).ProviderAlertId);
        var warning = Assert.Single(result.Incident!.Warnings);
        Assert.StartsWith("object.properties.alerts[1]: dropped alert", warning, StringComparison.Ordinal);
        Assert.Contains("object.properties.alerts[1].properties.timeGenerated", warning, StringComparison.Ordinal);
    }

    private NormalizationResult Create() => _normalizer.Normalize(Parse(AutomationEnvelopeSamples.CreateIncident), Raw);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
