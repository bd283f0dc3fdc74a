using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Graph;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Graph;

public class GraphAlertNormalizerTests
{
    private const string TestAlertFile = "defender/elastic_m365_defender_graph_alerts_v2_test-alert.ndjson";
    private const string DeviceId = "73e7e2de709dff64ef64b1d0c30e67fab63279db";

    private readonly GraphAlertNormalizer _normalizer = new();

    [Fact]
    public void CanNormalize_TestAlert_ReturnsTrue()
    {
        var record = ReadTestAlert();

        Assert.True(_normalizer.CanNormalize(record));
    }

    [Fact]
    public void Normalize_TestAlert_ReadsIdsAndSource()
    {
        var alert = NormalizeTestAlert();

        Assert.Equal("da637551227677560813_-961444813", alert.ProviderAlertId);
        Assert.Equal("28282", alert.ProviderIncidentId);
        Assert.Equal(SourceProduct.DefenderXdr, alert.Source);
        Assert.Equal("Microsoft Defender for Endpoint", alert.ProductName);
        Assert.Equal(StableIds.ForAlert("da637551227677560813_-961444813"), alert.Id);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsDescriptiveFields()
    {
        var alert = NormalizeTestAlert();

        Assert.Equal("Suspicious execution of hidden file", alert.Title);
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.Equal("new", alert.Status);
        Assert.Equal("e0da400f-affd-43ef-b1d5-afc2eb6f2756", alert.DetectorId);
        Assert.Equal("DefenseEvasion", alert.Category);
        Assert.Equal("antivirus", alert.DetectionSource);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsUtcTimes()
    {
        var alert = NormalizeTestAlert();

        Assert.Equal(Utc("2021-04-27T12:19:27.7211305Z"), alert.CreatedAt);
        Assert.Equal(Utc("2021-04-26T07:45:50.116Z"), alert.FirstActivityAt);
        Assert.Equal(Utc("2021-05-02T07:56:58.222Z"), alert.LastActivityAt);
        Assert.Equal(Utc("2021-05-02T14:19:01.3266667Z"), alert.LastUpdatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsTechniqueAndTactic()
    {
        var alert = NormalizeTestAlert();

        Assert.Equal(["T1564.001"], alert.Techniques);
        Assert.Equal(["DefenseEvasion"], alert.Tactics);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsDeviceAsImpactedHost()
    {
        var alert = NormalizeTestAlert();

        var host = Assert.Single(alert.Entities.OfType<HostEntity>());
        Assert.Equal(DeviceId, host.DefenderDeviceId);
        Assert.Equal("tempDns", host.HostName);
        Assert.Null(host.Fqdn);
        Assert.Equal("Windows10", host.OsFamily);
        Assert.Equal(EntityRole.Impacted, host.Role);
        Assert.StartsWith("/subscriptions/8700d3a3-3bb7-4fbe-a090-488a1ad04161/", host.AzureResourceId, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsDeviceInterfaceAddress()
    {
        var alert = NormalizeTestAlert();

        var ip = Assert.Single(alert.Entities.OfType<IpEntity>());
        Assert.Equal("1.1.1.1", ip.Address);
        Assert.False(ip.IsPrivate);
    }

    [Fact]
    public void Normalize_TestAlert_MergesFileAndImageFile()
    {
        var alert = NormalizeTestAlert();

        var file = Assert.Single(alert.Entities.OfType<FileEntity>());
        Assert.Equal("MsSense.exe", file.Name);
        Assert.Equal(@"C:\Program Files\temp", file.Path);
        Assert.Equal("8963a19fb992ad9a76576c5638fd68292cffb9aaac29eb8285f9abf6196a7dec", file.Sha256);
        Assert.Equal("5f1e8acedc065031aad553b710838eb366cfee9a", file.Sha1);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsProcess()
    {
        var alert = NormalizeTestAlert();

        var process = Assert.Single(alert.Entities.OfType<ProcessEntity>());
        Assert.Equal("4780", process.ProcessId);
        Assert.Equal("668", process.ParentProcessId);
        Assert.Equal("\"MsSense.exe\"", process.CommandLine);
        Assert.Equal("MsSense.exe", process.ImageFileName);
        Assert.Equal("services.exe", process.ParentImageFileName);
        Assert.Equal(Utc("2021-08-12T12:43:19.0772577Z"), process.CreatedAt);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsRegistryKey()
    {
        var alert = NormalizeTestAlert();

        var registry = Assert.Single(alert.Entities.OfType<RegistryEntity>());
        Assert.Equal(@"SYSTEM\CONTROLSET001\CONTROL\WMI\AUTOLOGGER\SENSEAUDITLOGGER", registry.Key);
        Assert.Equal("HKEY_LOCAL_MACHINE", registry.Hive);
    }

    [Fact]
    public void Normalize_TestAlert_ReadsProcessAccountBySidOnly()
    {
        var alert = NormalizeTestAlert();

        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("S-1-5-18", account.Sid);
        Assert.Null(account.Upn);
        Assert.Null(account.ObjectId);
        Assert.Equal("SYSTEM", account.Name);
        Assert.Equal("NT AUTHORITY", account.NtDomain);
        Assert.True(account.IsBuiltIn);
    }

    [Fact]
    public void Normalize_TestAlert_HasSixEntitiesAndNoWarnings()
    {
        var alert = NormalizeTestAlert();

        Assert.Equal(6, alert.Entities.Count);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_TestAlert_KeepsProviderFieldsInExtra()
    {
        var alert = NormalizeTestAlert();

        Assert.Equal("microsoftDefenderForEndpoint", alert.Extra["serviceSource"]);
        Assert.Equal("0", alert.Extra["evidenceMaliciousCount"]);
        Assert.False(alert.Extra.ContainsKey("classification"));
        Assert.False(alert.Extra.ContainsKey("threatFamilyName"));
    }

    [Fact]
    public void CanNormalize_NoODataTypeButGraphFields_ReturnsTrue()
    {
        var record = Parse("""{"providerAlertId":"a1","serviceSource":"microsoftDefenderForIdentity","detectionSource":"microsoftDefenderForIdentity"}""");

        Assert.True(_normalizer.CanNormalize(record));
    }

    [Theory]
    [InlineData("""{"providerAlertId":"a1","serviceSource":"x","detectionSource":"y","properties":{}}""")]
    [InlineData("""{"@odata.type":"#microsoft.graph.security.incident","providerAlertId":"a1","serviceSource":"x","evidence":[]}""")]
    [InlineData("""{"id":"a1","alertCreationTime":"2019-09-01T13:31:08Z","machineId":"43df73d1dac43593d1275e20422f44a949f6dfc3","detectionSource":"CustomerTI"}""")]
    [InlineData("""{"id":"12345","incidentWebUrl":"https://security.microsoft.com/incidents/12345","displayName":"x"}""")]
    [InlineData("""{"riskEventType":"passwordSpray","riskLevel":"high","id":"r1"}""")]
    [InlineData("""[1,2]""")]
    public void CanNormalize_OtherFormat_ReturnsFalse(string json)
    {
        var record = Parse(json);

        Assert.False(_normalizer.CanNormalize(record));
    }

    [Fact]
    public void Normalize_DeviceEvidenceWithNullFields_DropsOnlyThatEntity()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.deviceEvidence","mdeDeviceId":null,"azureAdDeviceId":null,"deviceDnsName":null,"roles":["compromised"]},
            {"@odata.type":"#microsoft.graph.security.urlEvidence","url":"http://contoso.example/payload"}
            """);

        var alert = Normalize(record);

        var url = Assert.Single(alert.Entities);
        Assert.Equal("http://contoso.example/payload", Assert.IsType<UrlEntity>(url).Url);
        var warning = Assert.Single(alert.Warnings);
        Assert.Contains("evidence[0]", warning, StringComparison.Ordinal);
        Assert.Contains("host", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UnparseableIpEvidence_DropsItWithWarning()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.ipEvidence","ipAddress":"999.1.1.1","roles":["attacker"]},
            {"@odata.type":"#microsoft.graph.security.ipEvidence","ipAddress":"203.0.113.7","roles":["attacker"]}
            """);

        var alert = Normalize(record);

        var ip = Assert.IsType<IpEntity>(Assert.Single(alert.Entities));
        Assert.Equal("203.0.113.7", ip.Address);
        Assert.Equal(EntityRole.Attacker, ip.Role);
        var warning = Assert.Single(alert.Warnings);
        Assert.Contains("evidence[0].ipAddress", warning, StringComparison.Ordinal);
        Assert.Contains("999.1.1.1", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UserEvidence_ReadsResolvedAccount()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.userEvidence","verdict":"malicious","roles":["contextual","compromised"],
             "userAccount":{"accountName":"alice","domainName":"CONTOSO","userSid":"S-1-5-21-1-2-3-1104",
               "azureAdUserId":"6c0e3f2b-7a1d-4c55-9d3e-1f2a3b4c5d6e","userPrincipalName":"alice@contoso.com","displayName":"Alice"}}
            """);

        var alert = Normalize(record);

        var account = Assert.IsType<AccountEntity>(Assert.Single(alert.Entities));
        Assert.Equal("alice@contoso.com", account.Upn);
        Assert.Equal("6c0e3f2b-7a1d-4c55-9d3e-1f2a3b4c5d6e", account.ObjectId);
        Assert.Equal("S-1-5-21-1-2-3-1104", account.Sid);
        Assert.Equal(EntityRole.Impacted, account.Role);
        Assert.Equal("1", alert.Extra["evidenceMaliciousCount"]);
    }

    [Fact]
    public void Normalize_AnalyzedMessageEvidence_ReadsMessageSenderIpAndUrls()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.analyzedMessageEvidence","networkMessageId":"5e8e1c3a-7d6f-4b2a-9c1d-0a9b8c7d6e5f",
             "internetMessageId":"<abc@mail.example>","senderIp":"198.51.100.20","subject":"Invoice",
             "p1Sender":{"emailAddress":"bounce@mail.example"},"p2Sender":{"emailAddress":"billing@mail.example"},
             "recipientEmailAddress":"bob@contoso.com","urls":["https://mail.example/login"],"roles":[]}
            """);

        var alert = Normalize(record);

        var message = Assert.Single(alert.Entities.OfType<MailMessageEntity>());
        Assert.Equal("5e8e1c3a-7d6f-4b2a-9c1d-0a9b8c7d6e5f", message.NetworkMessageId);
        Assert.Equal("bounce@mail.example", message.Sender);
        Assert.Equal(["bob@contoso.com"], message.Recipients);
        Assert.Equal("198.51.100.20", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
        Assert.Equal("https://mail.example/login", Assert.Single(alert.Entities.OfType<UrlEntity>()).Url);
    }

    [Fact]
    public void Normalize_CloudAndResourceEvidence_ReadsApplicationAndResource()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.cloudApplicationEvidence","appId":11161,"displayName":"Office 365","instanceName":"Office 365"},
            {"@odata.type":"#microsoft.graph.security.azureResourceEvidence","resourceId":"/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"},
            {"@odata.type":"#microsoft.graph.security.malwareEvidence","name":"Trojan:Win32/Wacatac","category":"Trojan"}
            """);

        var alert = Normalize(record);

        var application = Assert.Single(alert.Entities.OfType<CloudApplicationEntity>());
        Assert.Equal("11161", application.AppId);
        Assert.Equal("Office 365", application.Name);
        Assert.EndsWith("/vaults/kv1", Assert.Single(alert.Entities.OfType<AzureResourceEntity>()).ResourceId, StringComparison.Ordinal);
        Assert.Equal("Trojan:Win32/Wacatac", Assert.Single(alert.Entities.OfType<MalwareEntity>()).Name);
    }

    [Fact]
    public void Normalize_RegistryValueAndMailbox_ReadsBoth()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.registryValueEvidence","registryHive":"HKEY_CURRENT_USER",
             "registryKey":"Software\\Microsoft\\Windows\\CurrentVersion\\Run","registryValueName":"updater",
             "registryValue":"C:\\Users\\Public\\u.exe","registryValueType":"String","roles":["created"]},
            {"@odata.type":"#microsoft.graph.security.mailboxEvidence","primaryAddress":"bob@contoso.com","displayName":"Bob",
             "userAccount":{"userPrincipalName":"bob@contoso.com"},"roles":["impacted"]}
            """);

        var alert = Normalize(record);

        var registry = Assert.Single(alert.Entities.OfType<RegistryEntity>());
        Assert.Equal(@"Software\Microsoft\Windows\CurrentVersion\Run", registry.Key);
        Assert.Equal("updater", registry.ValueName);
        Assert.Equal(@"C:\Users\Public\u.exe", registry.ValueData);
        Assert.Equal(EntityRole.Related, registry.Role);
        var mailbox = Assert.Single(alert.Entities.OfType<MailboxEntity>());
        Assert.Equal("bob@contoso.com", mailbox.Upn);
        Assert.Equal(EntityRole.Impacted, mailbox.Role);
    }

    [Fact]
    public void Normalize_DeviceWithAadIdAndUsers_ReadsHostAndAccounts()
    {
        var record = AlertWithEvidence("""
            {"@odata.type":"#microsoft.graph.security.deviceEvidence","mdeDeviceId":null,"deviceDnsName":null,
             "azureAdDeviceId":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b","ipInterfaces":["10.0.0.5","fe80::1%3"],
             "loggedOnUsers":[{"accountName":"carol","domainName":"CONTOSO"}],"roles":["compromised"]}
            """);

        var alert = Normalize(record);

        Assert.Equal("0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", Assert.Single(alert.Entities.OfType<HostEntity>()).AzureAdDeviceId);
        Assert.Equal(["10.0.0.5", "fe80::1"], alert.Entities.OfType<IpEntity>().Select(ip => ip.Address));
        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("carol", account.Name);
        Assert.Null(account.Upn);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_EvidenceAsJsonText_ReadsEntities()
    {
        var record = Parse("""
            {"providerAlertId":"a1","title":"t","createdDateTime":"2024-05-01T10:00:00Z","serviceSource":"microsoftDefenderForEndpoint",
             "evidence":"[{\"@odata.type\":\"#microsoft.graph.security.urlEvidence\",\"url\":\"http://contoso.example/x\"}]"}
            """);

        var alert = Normalize(record);

        Assert.Equal("http://contoso.example/x", Assert.IsType<UrlEntity>(Assert.Single(alert.Entities)).Url);
    }

    [Fact]
    public void Normalize_UnsupportedEvidenceType_WarnsAndKeepsAlert()
    {
        var record = AlertWithEvidence("""{"@odata.type":"#microsoft.graph.security.futureEvidence","value":"x"}""");

        var alert = Normalize(record);

        Assert.Empty(alert.Entities);
        Assert.Contains("futureEvidence", Assert.Single(alert.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_NonTacticCategory_AddsNoTacticAndNoWarning()
    {
        var record = Parse("""{"id":"a1","title":"t","createdDateTime":"2024-05-01T10:00:00Z","category":"Malware"}""");

        var alert = Normalize(record);

        Assert.Equal("Malware", alert.Category);
        Assert.Empty(alert.Tactics);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_TechniquesAsJsonText_ReadsTechniques()
    {
        var record = Parse("""{"id":"a1","title":"t","createdDateTime":"2024-05-01T10:00:00Z","mitreTechniques":"[\"T1059.001\",\"T1105\"]"}""");

        var alert = Normalize(record);

        Assert.Equal(["T1059.001", "T1105"], alert.Techniques);
    }

    [Fact]
    public void Normalize_NoProviderAlertId_FallsBackToId()
    {
        var record = Parse("""{"id":"da1","title":"t","createdDateTime":"2024-05-01T10:00:00Z","classification":"truePositive","determination":"malware"}""");

        var alert = Normalize(record);

        Assert.Equal("da1", alert.ProviderAlertId);
        Assert.Equal("truePositive", alert.Extra["classification"]);
        Assert.Equal("malware", alert.Extra["determination"]);
    }

    [Fact]
    public void Normalize_UnknownTimestampFormat_RejectsNamingField()
    {
        var record = Parse("""{"id":"a1","title":"t","createdDateTime":"27.04.2021 12:19"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("createdDateTime", error.Field);
    }

    [Fact]
    public void Normalize_UnknownProcessTimestampFormat_RejectsNamingEvidenceField()
    {
        var record = AlertWithEvidence("""{"@odata.type":"#microsoft.graph.security.processEvidence","processId":1,"processCreationDateTime":"yesterday"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("evidence[0].processCreationDateTime", error.Field);
    }

    [Fact]
    public void Normalize_MissingIds_RejectsNamingProviderAlertId()
    {
        var record = Parse("""{"id":"null","title":"t","createdDateTime":"2024-05-01T10:00:00Z"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("providerAlertId", error.Field);
    }

    [Fact]
    public void Normalize_MissingTitle_RejectsNamingTitle()
    {
        var record = Parse("""{"id":"a1","createdDateTime":"2024-05-01T10:00:00Z"}""");

        var error = Assert.Throws<InvalidRecordException>(() => Normalize(record));

        Assert.Equal("title", error.Field);
    }

    private NormalizedAlert NormalizeTestAlert() => Normalize(ReadTestAlert());

    private NormalizedAlert Normalize(JsonElement record)
    {
        var result = _normalizer.Normalize(record, new RawRecordRef("test.json", 0));
        Assert.Null(result.Incident);
        return Assert.Single(result.Alerts);
    }

    private static JsonElement ReadTestAlert()
    {
        var line = File.ReadLines(SharedData.PathOf(TestAlertFile)).Single(l => l.Trim().Length > 0);
        return Parse(line);
    }

    private static JsonElement AlertWithEvidence(string evidenceItems) =>
        Parse($$"""{"@odata.type":"#microsoft.graph.security.alert","providerAlertId":"a1","title":"t","createdDateTime":"2024-05-01T10:00:00Z","evidence":[{{evidenceItems}}]}""");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
