using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.DefenderForEndpoint;
using AiSoc.Core.Normalizers.Graph;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.DefenderForEndpoint;

public class DefenderForEndpointAlertNormalizerTests
{
    private const string AlertsFile = "defender/xsoar_mde_api_alerts_first_response.json";
    private const string MachineId = "43df73d1dac43593d1275e20422f44a949f6dfc3";

    private readonly DefenderForEndpointAlertNormalizer _normalizer = new();

    [Fact]
    public void CanNormalize_ListedAlerts_ReturnTrue()
    {
        var records = ReadAlerts();

        Assert.Equal(3, records.Count);
        Assert.All(records, record => Assert.True(_normalizer.CanNormalize(record)));
    }

    [Fact]
    public void CanNormalize_ListedAlerts_AreNotClaimedByGraphNormalizers()
    {
        var graphAlerts = new GraphAlertNormalizer();
        var graphIncidents = new GraphIncidentNormalizer();

        var records = ReadAlerts();

        Assert.All(records, record => Assert.False(graphAlerts.CanNormalize(record)));
        Assert.All(records, record => Assert.False(graphIncidents.CanNormalize(record)));
    }

    [Fact]
    public void Normalize_DemistoAlert_ReadsIdsAndSource()
    {
        var alert = NormalizeListed("da637029414680409372_735564929");

        Assert.Equal("da637029414680409372_735564929", alert.ProviderAlertId);
        Assert.Equal("14", alert.ProviderIncidentId);
        Assert.Equal(SourceProduct.DefenderForEndpoint, alert.Source);
        Assert.Equal("Microsoft Defender for Endpoint", alert.ProductName);
    }

    [Fact]
    public void Normalize_DemistoAlert_ReadsDescriptiveFields()
    {
        var alert = NormalizeListed("da637029414680409372_735564929");

        Assert.Equal("Demisto Alert", alert.Title);
        Assert.Equal("Created for documentation", alert.Description);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal("New", alert.Status);
        Assert.Equal("CustomerTI", alert.DetectionSource);
    }

    [Fact]
    public void Normalize_NullTextCategory_IsMissing()
    {
        var alert = NormalizeListed("da637029414680409372_735564929");

        Assert.Null(alert.Category);
        Assert.Empty(alert.Tactics);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_DemistoAlert_ReadsUtcTimes()
    {
        var alert = NormalizeListed("da637029414680409372_735564929");

        Assert.Equal(Utc("2019-09-01T13:31:08.0252869Z"), alert.CreatedAt);
        Assert.Equal(Utc("2019-08-05T00:53:51.1469367Z"), alert.FirstActivityAt);
        Assert.Equal(Utc("2019-08-05T00:53:51.1469367Z"), alert.LastActivityAt);
        Assert.Equal(Utc("2019-09-01T13:31:08.57Z"), alert.LastUpdatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
    }

    [Fact]
    public void Normalize_DemistoAlert_ReadsMachineAsOnlyEntity()
    {
        var alert = NormalizeListed("da637029414680409372_735564929");

        var host = Assert.IsType<HostEntity>(Assert.Single(alert.Entities));
        Assert.Equal(MachineId, host.DefenderDeviceId);
        Assert.Null(host.HostName);
        Assert.Equal(EntityRole.Impacted, host.Role);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsLowSeverityAndIncident12()
    {
        var alert = NormalizeListed("da636983472338927033_-2077013687");

        Assert.Equal("test alert", alert.Title);
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.Equal("12", alert.ProviderIncidentId);
        Assert.Equal(Utc("2019-07-10T09:20:33.7677347Z"), alert.CreatedAt);
        Assert.Equal(Utc("2019-06-25T17:43:12.2812982Z"), alert.FirstActivityAt);
        Assert.Equal(Utc("2019-08-10T03:33:38.1052604Z"), alert.LastActivityAt);
        Assert.Equal(Utc("2019-09-01T13:13:29.0566667Z"), alert.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_ListedAlerts_ShareOneHostKey()
    {
        var alerts = ReadAlerts().Select(Normalize).ToList();

        var keys = alerts.Select(a => Assert.Single(a.Entities).GetKeys().First().Value).Distinct().ToList();

        Assert.Equal(["host:mde:" + MachineId], keys);
    }

    [Fact]
    public void Normalize_ComputerDnsNameAndRelatedUser_ReadsHostAndAccount()
    {
        var record = Parse($$$"""
            {"id":"da1","title":"t","alertCreationTime":"2024-05-01T10:00:00Z","machineId":"{{{MachineId}}}",
             "computerDnsName":"ws01.contoso.com","category":"Execution","mitreTechniques":["T1059.001"],
             "relatedUser":{"userName":"alice","domainName":"CONTOSO"}}
            """);

        var alert = Normalize(record);

        var host = Assert.Single(alert.Entities.OfType<HostEntity>());
        Assert.Equal("ws01", host.HostName);
        Assert.Equal("ws01.contoso.com", host.Fqdn);
        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("alice", account.Name);
        Assert.Equal("CONTOSO", account.NtDomain);
        Assert.Null(account.Upn);
        Assert.Equal(["Execution"], alert.Tactics);
        Assert.Equal(["T1059.001"], alert.Techniques);
    }

    [Fact]
    public void Normalize_Evidence_ReadsEachEntityType()
    {
        var record = AlertWithEvidence("""
            {"entityType":"User","accountName":"bob","domainName":"CONTOSO","userSid":"S-1-5-21-1-2-3-1105",
             "aadUserId":"6c0e3f2b-7a1d-4c55-9d3e-1f2a3b4c5d6e","userPrincipalName":"bob@contoso.com"},
            {"entityType":"File","fileName":"evil.dll","filePath":"C:\\Temp","sha1":"5f1e8acedc065031aad553b710838eb366cfee9a",
             "sha256":"8963a19fb992ad9a76576c5638fd68292cffb9aaac29eb8285f9abf6196a7dec","detectionStatus":"Detected"},
            {"entityType":"Process","processId":4321,"processCommandLine":"rundll32.exe evil.dll,Start","fileName":"rundll32.exe",
             "filePath":"C:\\Windows\\System32","parentProcessId":100,"processCreationTime":"2024-05-01T09:59:58.1234567Z"},
            {"entityType":"Ip","ipAddress":"203.0.113.9"},
            {"entityType":"Url","url":"http://203.0.113.9/stage2"}
            """);

        var alert = Normalize(record);

        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("bob@contoso.com", account.Upn);
        Assert.Equal("S-1-5-21-1-2-3-1105", account.Sid);
        Assert.Contains(alert.Entities.OfType<FileEntity>(), f => f.Sha256 == "8963a19fb992ad9a76576c5638fd68292cffb9aaac29eb8285f9abf6196a7dec");
        var process = Assert.Single(alert.Entities.OfType<ProcessEntity>());
        Assert.Equal("4321", process.ProcessId);
        Assert.Equal("rundll32.exe", process.ImageFileName);
        Assert.Equal(Utc("2024-05-01T09:59:58.1234567Z"), process.CreatedAt);
        Assert.Equal("203.0.113.9", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
        Assert.Equal("http://203.0.113.9/stage2", Assert.Single(alert.Entities.OfType<UrlEntity>()).Url);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_UnparseableIpEvidence_DropsItWithWarning()
    {
        var record = AlertWithEvidence("""{"entityType":"Ip","ipAddress":"10.1"}""");

        var alert = Normalize(record);

        Assert.Empty(alert.Entities.OfType<IpEntity>());
        Assert.Contains("evidence[0].ipAddress", Assert.Single(alert.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_NullUserEvidence_DropsItWithWarning()
    {
        var record = AlertWithEvidence("""{"entityType":"User","accountName":null,"domainName":"null","userSid":null}""");

        var alert = Normalize(record);

        Assert.Empty(alert.Entities);
        Assert.Contains("evidence[0]", Assert.Single(alert.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_AlertLists_ReadsFilesDomainsAndIps()
    {
        var record = Parse("""
            {"id":"da1","title":"t","alertCreationTime":"2024-05-01T10:00:00Z","detectionSource":"WindowsDefenderAv",
             "alertFiles":[{"fileName":"a.exe","sha1":"5f1e8acedc065031aad553b710838eb366cfee9a"}],
             "alertDomains":["evil.example"],"alertIps":["198.51.100.4"]}
            """);

        var alert = Normalize(record);

        Assert.Equal("a.exe", Assert.Single(alert.Entities.OfType<FileEntity>()).Name);
        Assert.Equal("evil.example", Assert.Single(alert.Entities.OfType<DomainEntity>()).Name);
        Assert.Equal("198.51.100.4", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
    }

    [Fact]
    public void Normalize_UnknownTimestampFormat_RejectsNamingField()
    {
        var record = Parse($$"""{"id":"da1","title":"t","alertCreationTime":"2019/09/01 13:31","machineId":"{{MachineId}}"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("alertCreationTime", error.Field);
    }

    [Fact]
    public void Normalize_MissingId_RejectsNamingId()
    {
        var record = Parse($$"""{"title":"t","alertCreationTime":"2024-05-01T10:00:00Z","machineId":"{{MachineId}}"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("id", error.Field);
    }

    [Theory]
    [InlineData("""{"@odata.type":"#microsoft.graph.security.alert","alertCreationTime":"2024-05-01T10:00:00Z","detectionSource":"x"}""")]
    [InlineData("""{"id":"a","alertCreationTime":"2024-05-01T10:00:00Z"}""")]
    [InlineData("""{"id":"a","alertCreationTime":"2024-05-01T10:00:00Z","detectionSource":"x","properties":{}}""")]
    [InlineData("""{"riskEventType":"passwordSpray","riskLevel":"high","id":"r1"}""")]
    [InlineData("\"text\"")]
    public void CanNormalize_OtherFormat_ReturnsFalse(string json)
    {
        var record = Parse(json);

        Assert.False(_normalizer.CanNormalize(record));
    }

    private NormalizedAlert NormalizeListed(string id) =>
        Normalize(ReadAlerts().Single(record => record.GetProperty("id").GetString() == id));

    private NormalizedAlert Normalize(JsonElement record) =>
        Assert.Single(_normalizer.Normalize(record, new RawRecordRef("test.json", 0)).Alerts);

    private static List<JsonElement> ReadAlerts()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(AlertsFile)));
        return document.RootElement.GetProperty("value").EnumerateArray().Select(item => item.Clone()).ToList();
    }

    private static JsonElement AlertWithEvidence(string evidenceItems) =>
        Parse($$"""{"id":"da1","title":"t","alertCreationTime":"2024-05-01T10:00:00Z","detectionSource":"EDR","evidence":[{{evidenceItems}}]}""");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
