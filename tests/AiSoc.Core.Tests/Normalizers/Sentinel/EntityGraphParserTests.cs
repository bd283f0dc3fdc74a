using System.Text.Json;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Sentinel;

public class EntityGraphParserTests
{
    private static EntityGraph ParseFile(string relativePath, Func<JsonElement, JsonElement> select)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(relativePath)));
        return EntityGraphParser.Parse(select(document.RootElement), "Entities");
    }

    private static EntityGraph ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EntityGraphParser.Parse(document.RootElement, "Entities");
    }

    [Fact]
    public void Parse_MsticpyGraph_ProcessHasImageAndParent()
    {
        var graph = ParseFile("sentinel/entities_msticpy_graph.json", root => root);

        var process = Assert.Single(graph.Entities.OfType<ProcessEntity>(), p => p.ProcessId == "0x6b8");
        Assert.Equal("mimikatz.exe", process.ImageFileName);
        Assert.Equal("c:\\windows\\servic~2\\networ~1\\appdata\\local\\temp", process.ImageFilePath);
        Assert.Equal(".\\mimikatz.exe", process.CommandLine);
        Assert.Equal(new DateTimeOffset(2018, 11, 15, 23, 54, 29, TimeSpan.Zero).AddTicks(3000190), process.CreatedAt);
        Assert.Equal("0x1558", process.ParentProcessId);
        Assert.Equal("cmd.exe", process.ParentImageFileName);
    }

    [Fact]
    public void Parse_MsticpyGraph_NetworkServiceAccountIsBuiltIn()
    {
        var graph = ParseFile("sentinel/entities_msticpy_graph.json", root => root);

        var account = Assert.Single(graph.Entities.OfType<AccountEntity>());
        Assert.Equal("S-1-5-20", account.Sid);
        Assert.Equal("MSTICAlertsWin1$", account.Name);
        Assert.Equal("WORKGROUP", account.NtDomain);
        Assert.True(account.IsBuiltIn);
        Assert.Null(account.Upn);
    }

    [Fact]
    public void Parse_MsticpyGraph_ListsRedefinedFilesOnce()
    {
        var graph = ParseFile("sentinel/entities_msticpy_graph.json", root => root);

        Assert.Equal(2, graph.Entities.OfType<FileEntity>().Count());
        Assert.Single(graph.Entities.OfType<HostEntity>(), h => h.HostName == "MSTICALERTSWIN1" && h.OsFamily == "Windows");
        Assert.Equal(2, graph.Entities.OfType<ProcessEntity>().Count());
        Assert.Equal(1, graph.SkippedCount);
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Parse_ExportEntities_ResolvesReusedIds()
    {
        var graph = ParseFile("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json", root => root.GetProperty("Entities"));

        var ip = Assert.Single(graph.Entities.OfType<IpEntity>());
        Assert.Equal("81.2.69.142", ip.Address);
        var host = Assert.Single(graph.Entities.OfType<HostEntity>(), h => h.OsFamily == "Linux");
        Assert.Equal("Sample-VM", host.HostName);
        Assert.Equal("/SUBSCRIPTIONS/12cabcb4-86e8-404f-a3d2-1dc9982f45ca/RESOURCEGROUPS/Sample-RG/providers/Microsoft.Compute/virtualMachines/Sample-VM", host.AzureResourceId);
        Assert.Contains(graph.Entities.OfType<DomainEntity>(), d => d.Name == "sample.domain");
        Assert.Contains(graph.Entities.OfType<MalwareEntity>(), m => m.Name == "Sample-Name" && m.Category == "Virus");
    }

    [Fact]
    public void Parse_ExportEntities_AccountUnresolved()
    {
        var graph = ParseFile("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json", root => root.GetProperty("Entities"));

        var account = Assert.Single(graph.Entities.OfType<AccountEntity>(), a => a.Name == "Sample-account" && a.Sid is null);
        Assert.Null(account.Upn);
        Assert.False(account.IsResolved);
        Assert.Contains(graph.Entities.OfType<AccountEntity>(), a => a.Sid == "S-1-5-21-3061399664-1673012318-3185014992-20022");
    }

    [Fact]
    public void Parse_ExportEntities_ZeroObjectIdIgnored()
    {
        var graph = ParseFile("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json", root => root.GetProperty("Entities"));

        var account = Assert.Single(graph.Entities.OfType<AccountEntity>(), a => a.Name == "sample");
        Assert.Equal("sample@contoso.com", account.Upn);
        Assert.Null(account.ObjectId);
    }

    [Fact]
    public void Parse_ExportEntities_ParentIsLatestDefinition()
    {
        var graph = ParseFile("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json", root => root.GetProperty("Entities"));

        var process = Assert.Single(graph.Entities.OfType<ProcessEntity>(), p => p.ProcessId == "0x1e99b");
        Assert.Equal("0x1e49a", process.ParentProcessId);
        Assert.Equal("php", process.CommandLine);
        Assert.Null(process.ImageFileName);
    }

    [Fact]
    public void Parse_ExportEntities_WarnsOnBadReferences()
    {
        var graph = ParseFile("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json", root => root.GetProperty("Entities"));

        Assert.Contains("Entities[6].ImageFile: ignored $ref '8' because no earlier object defines that $id", graph.Warnings);
        Assert.Contains("Entities[10]: ignored invalid MD5 hash 'Sample-SHA'", graph.Warnings);
        Assert.Contains("Entities[21].FileHashes: ignored ip object where a filehash entity was expected", graph.Warnings);
    }

    [Fact]
    public void Parse_ExportEntities_CountsUnmodeledKinds()
    {
        var graph = ParseFile("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json", root => root.GetProperty("Entities"));

        Assert.Equal(11, graph.SkippedCount);
        Assert.DoesNotContain(graph.Warnings, w => w.Contains("container", StringComparison.Ordinal) || w.Contains("K8s", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ArrayInString_ReadsEntities()
    {
        using var document = JsonDocument.Parse("""{"Entities":"[{\"$id\":\"2\",\"Address\":\"203.0.113.9\",\"Type\":\"ip\"}]"}""");

        var graph = EntityGraphParser.Parse(document.RootElement.GetProperty("Entities"), "Entities");

        Assert.Equal("203.0.113.9", Assert.IsType<IpEntity>(Assert.Single(graph.Entities)).Address);
    }

    [Fact]
    public void Parse_InvalidJsonText_ReturnsWarningNotException()
    {
        using var document = JsonDocument.Parse("""{"Entities":"[{\"$id\":\"2\",\"Type\":"}""");

        var graph = EntityGraphParser.Parse(document.RootElement.GetProperty("Entities"), "Entities");

        Assert.Empty(graph.Entities);
        Assert.StartsWith("Entities: ignored text that is not valid JSON", Assert.Single(graph.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"null\"")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Parse_EmptyValue_ReturnsNothing(string json)
    {
        var graph = ParseJson(json);

        Assert.Empty(graph.Entities);
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Parse_ReusedId_ReferenceTakesMostRecentDefinition()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","HostName":"first-host","Type":"host"},
              {"$id":"2","HostName":"second-host","Type":"host"},
              {"$id":"3","Name":"alice","Host":{"$ref":"2"},"Type":"account"},
              {"$id":"4","ProcessId":"12","ParentProcess":{"$ref":"2"},"Type":"process"}
            ]
            """);

        Assert.Equal(["first-host", "second-host"], graph.Entities.OfType<HostEntity>().Select(h => h.HostName));
        Assert.Null(Assert.Single(graph.Entities.OfType<ProcessEntity>()).ParentProcessId);
        Assert.Contains("Entities[3].ParentProcess: ignored host object where a process entity was expected", graph.Warnings);
    }

    [Fact]
    public void Parse_ForwardReference_IsDanglingWarning()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","ProcessId":"0x10","ImageFile":{"$ref":"3"},"Type":"process"},
              {"$id":"3","Name":"evil.exe","Type":"file"}
            ]
            """);

        Assert.Null(Assert.Single(graph.Entities.OfType<ProcessEntity>()).ImageFileName);
        Assert.Equal("Entities[0].ImageFile: ignored $ref '3' because no earlier object defines that $id", Assert.Single(graph.Warnings));
    }

    [Fact]
    public void Parse_SameEntityReferencedTwice_ListedOnce()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","HostName":"web01","DnsDomain":"contoso.com","Type":"host"},
              {"$ref":"2"},
              {"$id":"3","Name":"bob","Host":{"$ref":"2"},"Type":"account"},
              {"$id":"4","Name":"carol","Host":{"$ref":"2"},"Type":"account"}
            ]
            """);

        var host = Assert.Single(graph.Entities.OfType<HostEntity>());
        Assert.Equal("web01.contoso.com", host.Fqdn);
        Assert.Equal(3, graph.Entities.Count);
    }

    [Fact]
    public void Parse_InvalidIp_DropsOnlyThatEntity()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","Address":"not-an-ip","Type":"ip"},
              {"$id":"3","Address":"198.51.100.7","Type":"ip"}
            ]
            """);

        Assert.Equal("198.51.100.7", Assert.IsType<IpEntity>(Assert.Single(graph.Entities)).Address);
        Assert.Equal("Entities[0]: dropped ip entity, 'not-an-ip' is not an IP address", Assert.Single(graph.Warnings));
    }

    [Fact]
    public void Parse_AccountWithoutSuffix_HasNoUpn()
    {
        var graph = ParseJson("""[{"$id":"2","Name":"dbadmin","NTDomain":"CONTOSO","Type":"account"}]""");

        var account = Assert.IsType<AccountEntity>(Assert.Single(graph.Entities));
        Assert.Null(account.Upn);
        Assert.Equal("CONTOSO", account.NtDomain);
        Assert.False(account.IsResolved);
    }

    [Fact]
    public void Parse_AccountIds_PrefersAadUserId()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","Name":"alice","UPNSuffix":"contoso.com","AadUserId":"7f0c5a1e-1111-4222-8333-944455556666","ObjectGuid":"00112233-4455-6677-8899-aabbccddeeff","Type":"account"},
              {"$id":"3","Name":"bob","ObjectGuid":"00112233-4455-6677-8899-aabbccddeeff","Type":"account"}
            ]
            """);

        var accounts = graph.Entities.OfType<AccountEntity>().ToList();
        Assert.Equal("7f0c5a1e-1111-4222-8333-944455556666", accounts[0].ObjectId);
        Assert.Equal("alice@contoso.com", accounts[0].Upn);
        Assert.Equal("00112233-4455-6677-8899-aabbccddeeff", accounts[1].ObjectId);
    }

    [Fact]
    public void Parse_HostDeviceIds_MapToDefenderAndEntraIds()
    {
        var graph = ParseJson("""
            [{"$id":"2","HostName":"ws1","MdatpDeviceId":"0123456789ABCDEF0123456789abcdef01234567","AadDeviceId":"aa6cd4f1-0f51-4a4a-8e43-1b2d2f6f2a10","OSVersion":"10.0","Type":"host"}]
            """);

        var host = Assert.IsType<HostEntity>(Assert.Single(graph.Entities));
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", host.DefenderDeviceId);
        Assert.Equal("aa6cd4f1-0f51-4a4a-8e43-1b2d2f6f2a10", host.AzureAdDeviceId);
        Assert.Equal("10.0", host.OsVersion);
    }

    [Fact]
    public void Parse_FileHashes_AbsorbedIntoFile()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","Name":"a.exe","Directory":"C:\\Temp","FileHashes":[
                {"$id":"3","Algorithm":"SHA256","Value":"A3B1C2D4E5F60718293A4B5C6D7E8F90112233445566778899AABBCCDDEEFF00","Type":"filehash"},
                {"$id":"4","Algorithm":"SHA1","Value":"0123456789abcdef0123456789abcdef01234567","Type":"filehash"}],"Type":"file"},
              {"$ref":"3"},
              {"$id":"5","Algorithm":"MD5","Value":"0123456789abcdef0123456789abcdef","Type":"filehash"}
            ]
            """);

        Assert.Equal(2, graph.Entities.Count);
        var file = Assert.IsType<FileEntity>(graph.Entities[0]);
        Assert.Equal("a3b1c2d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00", file.Sha256);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", file.Sha1);
        Assert.Equal("0123456789abcdef0123456789abcdef", Assert.IsType<FileEntity>(graph.Entities[1]).Md5);
    }

    [Fact]
    public void Parse_RegistryValue_TakesKeyFromReferencedKey()
    {
        var graph = ParseJson("""
            [
              {"$id":"10","Hive":"HKEY_CURRENT_USER","Key":"console","Type":"registry-key"},
              {"$id":"12","Key":{"$ref":"10"},"Name":"windowposition","Value":"System.Byte[]","ValueType":"DWord","Type":"registry-value"}
            ]
            """);

        var value = Assert.IsType<RegistryEntity>(Assert.Single(graph.Entities));
        Assert.Equal("HKEY_CURRENT_USER", value.Hive);
        Assert.Equal("console", value.Key);
        Assert.Equal("windowposition", value.ValueName);
        Assert.Equal("DWord", value.ValueType);
    }

    [Fact]
    public void Parse_MailEntities_MapsFields()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","MailboxPrimaryAddress":"alice@contoso.com","DisplayName":"Alice","Upn":"alice@contoso.com","AadId":"7f0c5a1e-1111-4222-8333-944455556666","Type":"mailbox"},
              {"$id":"3","Recipient":"alice@contoso.com","P1Sender":"bad@fabrikam.example","NetworkMessageId":"6a0e1f4b-aaaa-4bbb-8ccc-0d1e2f3a4b5c","InternetMessageId":"<x@fabrikam.example>","Subject":"Invoice","Type":"mailMessage"}
            ]
            """);

        var mailbox = Assert.Single(graph.Entities.OfType<MailboxEntity>());
        Assert.Equal("alice@contoso.com", mailbox.Address);
        Assert.Equal("Alice", mailbox.DisplayName);
        var message = Assert.Single(graph.Entities.OfType<MailMessageEntity>());
        Assert.Equal("bad@fabrikam.example", message.Sender);
        Assert.Equal(["alice@contoso.com"], message.Recipients);
        Assert.Equal("6a0e1f4b-aaaa-4bbb-8ccc-0d1e2f3a4b5c", message.NetworkMessageId);
        Assert.Equal("Invoice", message.Subject);
    }

    [Fact]
    public void Parse_CloudAndWebEntities_MapsFields()
    {
        var graph = ParseJson("""
            [
              {"$id":"2","AppId":20893,"Name":"Microsoft Exchange Online","InstanceName":"Microsoft Exchange Online","Type":"cloud-application"},
              {"$id":"3","ResourceId":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1","Type":"azure-resource"},
              {"$id":"4","Url":"http://198.51.100.7/payload.sh","Type":"url"},
              {"$id":"5","DomainName":"Evil.Example.","Type":"dns"}
            ]
            """);

        Assert.Equal("20893", Assert.Single(graph.Entities.OfType<CloudApplicationEntity>()).AppId);
        Assert.EndsWith("/storageAccounts/st1", Assert.Single(graph.Entities.OfType<AzureResourceEntity>()).ResourceId, StringComparison.Ordinal);
        Assert.Equal("http://198.51.100.7/payload.sh", Assert.Single(graph.Entities.OfType<UrlEntity>()).Url);
        Assert.Equal("evil.example", Assert.Single(graph.Entities.OfType<DomainEntity>()).Name);
    }

    [Theory]
    [InlineData("""{"Asset":true}""", EntityRole.Impacted)]
    [InlineData("""{"Roles":["Attacker"]}""", EntityRole.Attacker)]
    [InlineData("""{"Roles":"Contextual"}""", EntityRole.Related)]
    public void Parse_RoleHint_SetsRole(string hint, EntityRole expected)
    {
        var entity = """{"$id":"2","Address":"198.51.100.7","Type":"ip",""" + hint.TrimStart('{');

        var graph = ParseJson("[" + entity + "]");

        Assert.Equal(expected, Assert.Single(graph.Entities).Role);
    }

    [Fact]
    public void Parse_CamelCaseEntity_ReadsFields()
    {
        var graph = ParseJson("""[{"$id":"2","hostName":"vm1","azureID":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1","type":"host"}]""");

        var host = Assert.IsType<HostEntity>(Assert.Single(graph.Entities));
        Assert.Equal("vm1", host.HostName);
        Assert.NotNull(host.AzureResourceId);
    }
}
