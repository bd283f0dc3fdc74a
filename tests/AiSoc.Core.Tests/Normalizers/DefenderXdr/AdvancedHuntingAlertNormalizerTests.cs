using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Normalizers.DefenderXdr;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Core.Tests.Normalizers.DefenderXdr;

public sealed class AdvancedHuntingAlertNormalizerTests : IDisposable
{
    private const string Info = """
        {"category":"AdvancedHunting-AlertInfo","time":"2026-11-02T11:16:02Z","properties":{"Timestamp":"2026-11-02T11:15:58Z",
         "AlertId":"da1","Title":"Cloud sync tool","Category":"Exfiltration","Severity":"High","ServiceSource":"Microsoft Defender for Endpoint",
         "DetectionSource":"EDR","AttackTechniques":"[\"Exfiltration to Cloud Storage (T1567.002)\"]"}}
        """;

    private const string DeviceEvidence = """
        {"category":"AdvancedHunting-AlertEvidence","time":"2026-11-02T11:16:03Z","properties":{"Timestamp":"2026-11-02T11:15:59Z",
         "AlertId":"da1","Title":"Cloud sync tool","ServiceSource":"Microsoft Defender for Endpoint","DetectionSource":"EDR",
         "EntityType":"Machine","EvidenceRole":"Impacted","DeviceId":"f7b336694deb5ae335fc3f9f162865d050b62f3f","DeviceName":"srv-file-01.contoso.com"}}
        """;

    private const string UserEvidence = """
        {"category":"AdvancedHunting-AlertEvidence","time":"2026-11-02T11:16:03Z","properties":{"Timestamp":"2026-11-02T11:15:59Z",
         "AlertId":"da1","Title":"Cloud sync tool","ServiceSource":"Microsoft Defender for Endpoint","DetectionSource":"EDR",
         "EntityType":"User","AccountUpn":"megan.bowen@contoso.com","AccountObjectId":"6e8e2b6a-3f1c-4c1e-9a43-2f5d1b7c8a10"}}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Normalize_AlertInfo_MapsFields()
    {
        var alert = Normalize(Info);

        Assert.Equal(SourceProduct.DefenderXdr, alert.Source);
        Assert.Equal("da1", alert.ProviderAlertId);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(["T1567.002"], alert.Techniques);
        Assert.Equal(["Exfiltration"], alert.Tactics);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 11, 15, 58, TimeSpan.Zero), alert.CreatedAt);
        Assert.False(alert.IsEvidenceOnly);
    }

    [Fact]
    public void Normalize_DeviceEvidence_AddsHostAndMarksPart()
    {
        var alert = Normalize(DeviceEvidence);

        var host = Assert.IsType<HostEntity>(Assert.Single(alert.Entities));
        Assert.Equal("f7b336694deb5ae335fc3f9f162865d050b62f3f", host.DefenderDeviceId);
        Assert.Equal(EntityRole.Impacted, host.Role);
        Assert.True(alert.IsEvidenceOnly);
    }

    [Fact]
    public void Ingest_InfoAndEvidenceRows_JoinIntoOneAlert()
    {
        var path = _files.Write("stream.json", "{\"records\":[" + DeviceEvidence + "," + Info + "," + UserEvidence + "]}");

        var result = new AlertIngestor(KnownFormats.CreateRegistry(), NullLogger<AlertIngestor>.Instance).Ingest(InputCatalog.Expand([path]));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(["T1567.002"], alert.Techniques);
        Assert.Contains(alert.Entities, e => e is HostEntity);
        Assert.Contains(alert.Entities, e => e is AccountEntity { Upn: "megan.bowen@contoso.com" });
        Assert.Equal(3, result.RecordsNormalized);
    }

    [Fact]
    public void CanNormalize_GuideRow_IsFalse()
    {
        using var document = JsonDocument.Parse("""{"Id":"1","OrgId":"2","AlertId":"3","DetectorId":"4","IncidentGrade":"TruePositive"}""");

        Assert.False(new AdvancedHuntingAlertNormalizer().CanNormalize(document.RootElement));
    }

    [Fact]
    public void CanNormalize_AdvancedHuntingExportRow_IsTrue()
    {
        using var document = JsonDocument.Parse("""{"Timestamp":"2026-11-02T11:15:58Z","AlertId":"da1","Title":"t","Severity":"Low","ServiceSource":"s","DetectionSource":"d"}""");

        Assert.True(new AdvancedHuntingAlertNormalizer().CanNormalize(document.RootElement));
    }

    private static NormalizedAlert Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var normalizer = new AdvancedHuntingAlertNormalizer();
        Assert.True(normalizer.CanNormalize(document.RootElement));
        return Assert.Single(normalizer.Normalize(document.RootElement, new RawRecordRef("f", 0)).Alerts);
    }
}
