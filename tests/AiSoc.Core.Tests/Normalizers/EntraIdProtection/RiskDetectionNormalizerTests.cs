using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.DefenderForEndpoint;
using AiSoc.Core.Normalizers.EntraIdProtection;
using AiSoc.Core.Normalizers.Graph;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.EntraIdProtection;

public class RiskDetectionNormalizerTests
{
    private const string RiskEventsFile = "identity/elastic_entra_identity_protection_userriskevents_raw.ndjson";
    private const string AnonymousIpId = "ce0ed07f9ccf5be15e4b97d2979af6569b1f67db87ddc9b88b5bb743ea091e47";
    private const string PasswordSprayId = "d93ffb8db664e4e8bd08db6e183b6390dacf00553cc5768aac83012e2dc7c2c9";

    private readonly RiskDetectionNormalizer _normalizer = new();

    [Fact]
    public void CanNormalize_ExportedRiskEvents_ReturnTrue()
    {
        var records = ReadRiskEvents();

        Assert.Equal(2, records.Count);
        Assert.All(records, record => Assert.True(_normalizer.CanNormalize(record)));
    }

    [Fact]
    public void CanNormalize_ExportedRiskEvents_AreNotClaimedByDefenderNormalizers()
    {
        IRecordNormalizer[] others = [new GraphAlertNormalizer(), new GraphIncidentNormalizer(), new DefenderForEndpointAlertNormalizer()];

        var records = ReadRiskEvents();

        Assert.All(records, record => Assert.DoesNotContain(others, other => other.CanNormalize(record)));
    }

    [Fact]
    public void Normalize_AnonymousIp_ReadsIdsTitleAndSeverity()
    {
        var alert = NormalizeExported(AnonymousIpId);

        Assert.Equal(AnonymousIpId, alert.ProviderAlertId);
        Assert.Equal(SourceProduct.EntraIdProtection, alert.Source);
        Assert.Equal("Anonymous IP address", alert.Title);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal("atRisk", alert.Status);
        Assert.Equal("anonymizedIPAddress", alert.DetectorId);
        Assert.Equal("IdentityProtection", alert.DetectionSource);
    }

    [Fact]
    public void Normalize_AnonymousIp_ReadsUtcTimes()
    {
        var alert = NormalizeExported(AnonymousIpId);

        Assert.Equal(Utc("2022-08-22T18:05:06.133Z"), alert.CreatedAt);
        Assert.Equal(Utc("2022-08-22T18:05:06.133Z"), alert.FirstActivityAt);
        Assert.Equal(Utc("2022-08-22T18:07:16.894Z"), alert.LastUpdatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
    }

    [Fact]
    public void Normalize_AnonymousIp_MapsToMultiHopProxy()
    {
        var alert = NormalizeExported(AnonymousIpId);

        Assert.Equal(["T1090.003"], alert.Techniques);
        Assert.Equal(["CommandAndControl"], alert.Tactics);
    }

    [Fact]
    public void Normalize_AnonymousIp_ReadsImpactedUser()
    {
        var alert = NormalizeExported(AnonymousIpId);

        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("51e26eae-d07b-44e5-bb0b-249f49569a8c", account.ObjectId);
        Assert.Equal("joe.danger@mauriziobrancaoutlook.onmicrosoft.com", account.Upn);
        Assert.Equal("Joe Danger", account.DisplayName);
        Assert.Equal(EntityRole.Impacted, account.Role);
    }

    [Fact]
    public void Normalize_AnonymousIp_ReadsAttackerAddress()
    {
        var alert = NormalizeExported(AnonymousIpId);

        var ip = Assert.Single(alert.Entities.OfType<IpEntity>());
        Assert.Equal("67.43.156.42", ip.Address);
        Assert.Equal(EntityRole.Attacker, ip.Role);
        Assert.Equal(2, alert.Entities.Count);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_AnonymousIp_KeepsRiskContextInExtra()
    {
        var alert = NormalizeExported(AnonymousIpId);

        Assert.Equal("anonymizedIPAddress", alert.Extra["riskEventType"]);
        Assert.Equal("none", alert.Extra["riskDetail"]);
        Assert.Equal("realtime", alert.Extra["detectionTimingType"]);
        Assert.Equal("signin", alert.Extra["activity"]);
        Assert.Equal("Dresden, Sachsen, DE", alert.Extra["location"]);
    }

    [Fact]
    public void Normalize_PasswordSpray_ReadsOneDigitHourTimestamp()
    {
        var alert = NormalizeExported(PasswordSprayId);

        Assert.Equal(Utc("2022-09-09T08:48:50.361Z"), alert.CreatedAt);
        Assert.Equal(Utc("2022-09-08T12:53:53.895Z"), alert.FirstActivityAt);
        Assert.Equal(Utc("2022-09-09T09:54:27.739Z"), alert.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_PasswordSpray_ReadsTitleTechniqueAndUser()
    {
        var alert = NormalizeExported(PasswordSprayId);

        Assert.Equal("Password spray", alert.Title);
        Assert.Equal(["T1110.003"], alert.Techniques);
        Assert.Equal(["CredentialAccess"], alert.Tactics);
        Assert.Equal("offline", alert.Extra["detectionTimingType"]);
        Assert.Equal("joel.miller@mauriziobrancaoutlook.onmicrosoft.com", Assert.Single(alert.Entities.OfType<AccountEntity>()).Upn);
    }

    [Fact]
    public void Normalize_GraphResource_ReadsTopLevelFields()
    {
        var record = Parse("""
            {"id":"86a4d5a0","riskEventType":"unfamiliarFeatures","riskLevel":"medium","riskState":"atRisk",
             "detectedDateTime":"2024-05-01T10:00:00Z","activityDateTime":"2024-05-01T09:58:00Z",
             "userId":"6c0e3f2b-7a1d-4c55-9d3e-1f2a3b4c5d6e","userPrincipalName":"alice@contoso.com","ipAddress":"2001:db8::1"}
            """);

        var alert = Normalize(record);

        Assert.True(_normalizer.CanNormalize(record));
        Assert.Equal("Unfamiliar sign-in properties", alert.Title);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal(["T1078"], alert.Techniques);
        Assert.Equal(["InitialAccess"], alert.Tactics);
        Assert.Equal("2001:db8::1", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("none")]
    public void Normalize_RiskLevelWithoutSeverity_IsUnknown(string riskLevel)
    {
        var record = Parse($$"""{"id":"r1","riskEventType":"passwordSpray","riskLevel":"{{riskLevel}}","detectedDateTime":"2024-05-01T10:00:00Z"}""");

        var alert = Normalize(record);

        Assert.Equal(Severity.Unknown, alert.Severity);
    }

    [Fact]
    public void Normalize_UnmappedRiskType_TitleIsRawType()
    {
        var record = Parse("""{"id":"r1","riskEventType":"someNewDetection","riskLevel":"low","detectedDateTime":"2024-05-01T10:00:00Z"}""");

        var alert = Normalize(record);

        Assert.Equal("someNewDetection", alert.Title);
        Assert.Empty(alert.Techniques);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_ExportWithoutDetectionTimes_UsesExportTime()
    {
        var record = Parse("""
            {"time":"8/22/2022 6:07:16 PM","category":"RiskDetection",
             "properties":{"id":"r1","riskEventType":"leakedCredentials","riskLevel":"high","userPrincipalName":"bob@contoso.com"}}
            """);

        var alert = Normalize(record);

        Assert.Equal(Utc("2022-08-22T18:07:16Z"), alert.CreatedAt);
        Assert.Equal(Utc("2022-08-22T18:07:16Z"), alert.LastUpdatedAt);
        Assert.Equal("Leaked credentials", alert.Title);
        Assert.Equal(["T1589.001"], alert.Techniques);
    }

    [Fact]
    public void Normalize_ServicePrincipalExport_ReadsPrincipalAndApplication()
    {
        var record = Parse("""
            {"time":"5/1/2024 10:00:00 AM","category":"ServicePrincipalRiskEvents",
             "properties":{"id":"sp1","riskEventType":"suspiciousSignins","riskLevel":"medium","detectedDateTime":"2024-05-01T09:59:00Z",
               "servicePrincipalId":"0b5c1f4e-2d3a-4e6f-8a9b-7c6d5e4f3a2b","servicePrincipalDisplayName":"Build agent",
               "appId":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","ipAddress":"192.0.2.10"}}
            """);

        var alert = Normalize(record);

        var principal = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("0b5c1f4e-2d3a-4e6f-8a9b-7c6d5e4f3a2b", principal.ObjectId);
        Assert.Equal("Build agent", principal.DisplayName);
        Assert.Equal("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", Assert.Single(alert.Entities.OfType<CloudApplicationEntity>()).AppId);
    }

    [Fact]
    public void Normalize_UnparseableIp_DropsItWithWarning()
    {
        var record = Parse("""
            {"time":"8/22/2022 6:07:16 PM","category":"UserRiskEvents",
             "properties":{"id":"r1","riskEventType":"anonymizedIPAddress","riskLevel":"high","detectedDateTime":"2022-08-22T18:05:06.133Z",
               "userId":"51e26eae-d07b-44e5-bb0b-249f49569a8c","ipAddress":"67.43.156"}}
            """);

        var alert = Normalize(record);

        Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Empty(alert.Entities.OfType<IpEntity>());
        Assert.Contains("properties.ipAddress", Assert.Single(alert.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UnknownTimestampFormat_RejectsNamingField()
    {
        var record = Parse("""
            {"time":"8/22/2022 6:07:16 PM","category":"UserRiskEvents",
             "properties":{"id":"r1","riskEventType":"passwordSpray","riskLevel":"high","detectedDateTime":"22.08.2022 18:05"}}
            """);

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("properties.detectedDateTime", error.Field);
    }

    [Fact]
    public void Normalize_UnknownExportTimeFormat_RejectsNamingTime()
    {
        var record = Parse("""
            {"time":"22/8/2022 6:07:16 PM","category":"UserRiskEvents",
             "properties":{"id":"r1","riskEventType":"passwordSpray","riskLevel":"high","detectedDateTime":"2022-08-22T18:05:06Z"}}
            """);

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("time", error.Field);
    }

    [Fact]
    public void Normalize_MissingId_RejectsNamingField()
    {
        var record = Parse("""
            {"time":"8/22/2022 6:07:16 PM","category":"UserRiskEvents",
             "properties":{"riskEventType":"passwordSpray","riskLevel":"high","detectedDateTime":"2022-08-22T18:05:06Z"}}
            """);

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("properties.id", error.Field);
    }

    [Theory]
    [InlineData("""{"category":"UserRiskEvents","properties":{"riskLevel":"high"}}""")]
    [InlineData("""{"category":"SignInLogs","properties":{"riskEventType":"passwordSpray","riskLevel":"high"}}""")]
    [InlineData("""{"riskEventType":"passwordSpray","id":"r1"}""")]
    [InlineData("""{"@odata.type":"#microsoft.graph.security.alert","providerAlertId":"a1","serviceSource":"x","evidence":[]}""")]
    [InlineData("null")]
    public void CanNormalize_OtherFormat_ReturnsFalse(string json)
    {
        var record = Parse(json);

        Assert.False(_normalizer.CanNormalize(record));
    }

    private NormalizedAlert NormalizeExported(string id) =>
        Normalize(ReadRiskEvents().Single(record => record.GetProperty("properties").GetProperty("id").GetString() == id));

    private NormalizedAlert Normalize(JsonElement record) =>
        Assert.Single(_normalizer.Normalize(record, new RawRecordRef("test.json", 0)).Alerts);

    private static List<JsonElement> ReadRiskEvents() =>
        File.ReadLines(SharedData.PathOf(RiskEventsFile)).Where(line => line.Trim().Length > 0).Select(Parse).ToList();

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
