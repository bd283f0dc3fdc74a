using System.Text.Json;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Sentinel;

public class ArmEntityParserTests
{
    [Fact]
    public void Parse_IncidentEntitiesFile_ReturnsOneAccount()
    {
        var entities = RealEntities();

        var result = ArmEntityParser.Parse(entities.EnumerateArray(), "entities");

        Assert.Single(result.Entities);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_IncidentEntitiesAccount_KeepsNameWithoutUpn()
    {
        var entities = RealEntities();

        var account = Assert.IsType<AccountEntity>(ArmEntityParser.Parse(entities.EnumerateArray(), "entities").Entities[0]);

        Assert.Equal("account", account.Kind);
        Assert.Equal("administrator", account.Name);
        Assert.Equal("domain", account.NtDomain);
        Assert.Null(account.Upn);
        Assert.Null(account.ObjectId);
        Assert.False(account.IsResolved);
        Assert.False(account.IsBuiltIn);
    }

    [Fact]
    public void Parse_AccountWithSuffix_BuildsUpn()
    {
        var items = Items("""[{"kind":"Account","properties":{"accountName":"alice","upnSuffix":"contoso.com","aadUserId":"3F2504E0-4F89-41D3-9A0C-0305E82C3301","objectGuid":"0c1d2e3f-0000-4000-8000-000000000000"}}]""");

        var account = Assert.IsType<AccountEntity>(ArmEntityParser.Parse(items, "e").Entities[0]);

        Assert.Equal("alice@contoso.com", account.Upn);
        Assert.Equal("3f2504e0-4f89-41d3-9a0c-0305e82c3301", account.ObjectId);
        Assert.True(account.IsResolved);
    }

    [Fact]
    public void Parse_HostWithDnsDomain_BuildsFqdn()
    {
        var items = Items("""[{"kind":"Host","properties":{"hostName":"web01","dnsDomain":"Contoso.com","azureID":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web01","osFamily":"Linux","osVersion":"22.04"}}]""");

        var host = Assert.IsType<HostEntity>(ArmEntityParser.Parse(items, "e").Entities[0]);

        Assert.Equal("web01", host.HostName);
        Assert.Equal("web01.contoso.com", host.Fqdn);
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web01", host.AzureResourceId);
        Assert.Equal("Linux", host.OsFamily);
        Assert.Equal("22.04", host.OsVersion);
    }

    [Fact]
    public void Parse_NetBiosNameOnly_BecomesHostName()
    {
        var items = Items("""[{"kind":"Host","properties":{"netBiosName":"FILESRV"}}]""");

        var host = Assert.IsType<HostEntity>(ArmEntityParser.Parse(items, "e").Entities[0]);

        Assert.Equal("FILESRV", host.HostName);
    }

    [Fact]
    public void Parse_InvalidIp_DroppedWithWarning()
    {
        var items = Items("""[{"kind":"Ip","properties":{"address":"10.0.0.300"}},{"kind":"Ip","properties":{"address":"::ffff:81.2.69.142"}}]""");

        var result = ArmEntityParser.Parse(items, "object.properties.relatedEntities");

        var ip = Assert.IsType<IpEntity>(Assert.Single(result.Entities));
        Assert.Equal("81.2.69.142", ip.Address);
        Assert.False(ip.IsPrivate);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("object.properties.relatedEntities[0]:", warning, StringComparison.Ordinal);
        Assert.Contains("'10.0.0.300' is not an IP address", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FileHashReference_FillsHash()
    {
        var items = Items("""
            [
              {"id":"/x/Entities/f1","name":"f1","kind":"File","properties":{"fileName":"invoice.exe","directory":"C:\\Users\\alice\\Downloads","fileHashEntityIds":["/x/Entities/h1"]}},
              {"id":"/x/Entities/h1","name":"h1","kind":"FileHash","properties":{"algorithm":"SHA256","hashValue":"E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"}}
            ]
            """);

        var result = ArmEntityParser.Parse(items, "e");

        var file = Assert.IsType<FileEntity>(result.Entities[0]);
        Assert.Equal("invoice.exe", file.Name);
        Assert.Equal("C:\\Users\\alice\\Downloads", file.Path);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", file.Sha256);
    }

    [Fact]
    public void Parse_StandaloneFileHash_BecomesFile()
    {
        var items = Items("""[{"kind":"FileHash","properties":{"algorithm":"MD5","hashValue":"D41D8CD98F00B204E9800998ECF8427E"}}]""");

        var file = Assert.IsType<FileEntity>(ArmEntityParser.Parse(items, "e").Entities[0]);

        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", file.Md5);
        Assert.Null(file.Name);
    }

    [Fact]
    public void Parse_UnsupportedHashAlgorithm_Dropped()
    {
        var items = Items("""[{"kind":"FileHash","properties":{"algorithm":"SHA256AC","hashValue":"abc"}}]""");

        var result = ArmEntityParser.Parse(items, "e");

        Assert.Empty(result.Entities);
        Assert.Equal("e[0]: dropped FileHash entity without a usable identifier", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Parse_ProcessWithReferences_ReadsImageAndParent()
    {
        var items = Items("""
            [
              {"name":"p2","kind":"Process","properties":{"processId":"0x1a2c","commandLine":"powershell.exe -enc AAAA","creationTimeUtc":"2026-03-02T09:10:11.1234567+02:00","imageFileEntityId":"f9","parentProcessEntityId":"p1"}},
              {"name":"p1","kind":"Process","properties":{"processId":"4242","commandLine":"winword.exe"}},
              {"name":"f9","kind":"File","properties":{"fileName":"powershell.exe","directory":"C:\\Windows\\System32\\WindowsPowerShell\\v1.0"}}
            ]
            """);

        var process = Assert.IsType<ProcessEntity>(ArmEntityParser.Parse(items, "e").Entities[0]);

        Assert.Equal("0x1a2c", process.ProcessId);
        Assert.Equal("powershell.exe -enc AAAA", process.CommandLine);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 10, 11, TimeSpan.Zero).AddTicks(1234567), process.CreatedAt);
        Assert.Equal(TimeSpan.Zero, process.CreatedAt!.Value.Offset);
        Assert.Equal("powershell.exe", process.ImageFileName);
        Assert.Equal("C:\\Windows\\System32\\WindowsPowerShell\\v1.0", process.ImageFilePath);
        Assert.Equal("4242", process.ParentProcessId);
    }

    [Fact]
    public void Parse_BadProcessTime_KeepsProcess()
    {
        var items = Items("""[{"kind":"Process","properties":{"processId":"88","creationTimeUtc":"yesterday noon"}}]""");

        var result = ArmEntityParser.Parse(items, "e");

        var process = Assert.IsType<ProcessEntity>(Assert.Single(result.Entities));
        Assert.Null(process.CreatedAt);
        Assert.StartsWith("e[0].properties.creationTimeUtc:", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RegistryValue_TakesKeyFromKeyEntity()
    {
        var items = Items("""
            [
              {"name":"k1","kind":"RegistryKey","properties":{"hive":"HKEY_LOCAL_MACHINE","key":"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"}},
              {"name":"v1","kind":"RegistryValue","properties":{"keyEntityId":"k1","valueName":"Updater","valueData":"C:\\ProgramData\\u.exe","valueType":"String"}}
            ]
            """);

        var value = Assert.IsType<RegistryEntity>(ArmEntityParser.Parse(items, "e").Entities[1]);

        Assert.Equal("HKEY_LOCAL_MACHINE", value.Hive);
        Assert.Equal("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", value.Key);
        Assert.Equal("Updater", value.ValueName);
        Assert.Equal("C:\\ProgramData\\u.exe", value.ValueData);
        Assert.Equal("String", value.ValueType);
    }

    [Fact]
    public void Parse_RegistryValueWithoutKey_Dropped()
    {
        var items = Items("""[{"kind":"RegistryValue","properties":{"keyEntityId":"missing","valueName":"Updater"}}]""");

        var result = ArmEntityParser.Parse(items, "e");

        Assert.Empty(result.Entities);
        Assert.Contains("keyEntityId names no RegistryKey entity", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherKinds_MapToSchemaKinds()
    {
        var items = Items("""
            [
              {"kind":"Url","properties":{"url":"https://login.contoso-support.example/reset"}},
              {"kind":"DnsResolution","properties":{"domainName":"contoso-support.example"}},
              {"kind":"Mailbox","properties":{"mailboxPrimaryAddress":"alice@contoso.com","upn":"alice@contoso.com","displayName":"Alice"}},
              {"kind":"MailMessage","properties":{"networkMessageId":"6f1c2b3a-0000-4000-8000-000000000001","internetMessageId":"<abc@mail.example>","p1Sender":"bounce@mail.example","p2Sender":"ceo@mail.example","recipient":"alice@contoso.com","subject":"Invoice"}},
              {"kind":"CloudApplication","properties":{"appId":11161,"appName":"Office 365","instanceName":"Office 365"}},
              {"kind":"AzureResource","properties":{"resourceId":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"}},
              {"kind":"Malware","properties":{"malwareName":"Trojan:Win32/Wacatac","category":"Trojan"}}
            ]
            """);

        var entities = ArmEntityParser.Parse(items, "e").Entities;

        Assert.Equal(["url", "domain", "mailbox", "mail-message", "cloud-application", "azure-resource", "malware"], entities.Select(e => e.Kind));
        Assert.Equal("https://login.contoso-support.example/reset", ((UrlEntity)entities[0]).Url);
        Assert.Equal("contoso-support.example", ((DomainEntity)entities[1]).Name);
        Assert.Equal("alice@contoso.com", ((MailboxEntity)entities[2]).Upn);
        Assert.Equal("bounce@mail.example", ((MailMessageEntity)entities[3]).Sender);
        Assert.Equal(["alice@contoso.com"], ((MailMessageEntity)entities[3]).Recipients);
        Assert.Equal("11161", ((CloudApplicationEntity)entities[4]).AppId);
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1", ((AzureResourceEntity)entities[5]).ResourceId);
        Assert.Equal("Trojan", ((MalwareEntity)entities[6]).Category);
    }

    [Fact]
    public void Parse_UnmodeledKinds_SkippedWithoutWarning()
    {
        var items = Items("""
            [
              {"kind":"SecurityGroup","properties":{"distinguishedName":"CN=Finance,DC=contoso,DC=com"}},
              {"kind":"IoTDevice","properties":{"deviceId":"plc-7"}},
              {"kind":"SecurityAlert","properties":{"systemAlertId":"x"}},
              {"properties":{"address":"81.2.69.142"}}
            ]
            """);

        var result = ArmEntityParser.Parse(items, "e");

        Assert.Empty(result.Entities);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_RefItem_SkippedAndDefinitionKept()
    {
        var items = Items("""
            [
              {"kind":"Ip","properties":{"$id":"2","address":"81.2.69.142"}},
              {"kind":"Ip","properties":{"$ref":"2"}}
            ]
            """);

        var result = ArmEntityParser.Parse(items, "e");

        Assert.Equal("81.2.69.142", Assert.IsType<IpEntity>(Assert.Single(result.Entities)).Address);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_NestedRef_ResolvesImageFile()
    {
        var items = Items("""
            [
              {"kind":"File","properties":{"$id":"3","fileName":"rundll32.exe"}},
              {"kind":"Process","properties":{"$id":"4","processId":"77","imageFileEntityId":"3","host":{"$ref":"5"}}}
            ]
            """);

        var process = Assert.IsType<ProcessEntity>(ArmEntityParser.Parse(items, "e").Entities[1]);

        Assert.Equal("rundll32.exe", process.ImageFileName);
    }

    [Fact]
    public void Parse_DuplicateEntities_KeepsOne()
    {
        var items = Items("""[{"kind":"Ip","properties":{"address":"81.2.69.142"}},{"kind":"Ip","properties":{"address":"81.2.69.142"}}]""");

        var result = ArmEntityParser.Parse(items, "e");

        Assert.Single(result.Entities);
    }

    [Fact]
    public void Parse_ItemWithoutProperties_DroppedWithWarning()
    {
        var items = Items("""[{"kind":"Host"}, "text"]""");

        var result = ArmEntityParser.Parse(items, "e");

        Assert.Empty(result.Entities);
        Assert.Equal(["e[0]: dropped Host entity without a properties object", "e[1]: ignored entity that is not a JSON object"], result.Warnings);
    }

    private static JsonElement RealEntities()
    {
        var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("sentinel/GetAllIncidentEntities_2024-09-01.json")));
        return document.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body").GetProperty("entities");
    }

    private static List<JsonElement> Items(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];
}
