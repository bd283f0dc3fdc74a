using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Builds one entity from the camelCase <c>properties</c> of a Sentinel ARM entity of a given kind. Field names
/// follow the Microsoft.SecurityInsights REST API entity models (AccountEntityProperties, HostEntityProperties and
/// so on). Each builder returns null after recording why it dropped the entity.
/// </summary>
internal sealed class ArmEntityKinds(ArmEntityIndex index, List<string> warnings)
{
    private static readonly HashSet<string> ModeledKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "Account", "Host", "Ip", "Url", "DnsResolution", "File", "FileHash", "Process", "Mailbox", "MailMessage",
        "CloudApplication", "AzureResource", "RegistryKey", "RegistryValue", "Malware",
    };

    /// <summary>True for the kinds the schema has a type for. Other kinds, such as SecurityGroup, are skipped.</summary>
    public static bool IsModeled(string? kind) => kind is not null && ModeledKinds.Contains(kind);

    /// <summary>Builds the entity of <paramref name="kind"/>, which must be one that <see cref="IsModeled"/> accepts.</summary>
    public Entity? Build(string kind, JsonElement properties, string field) => kind.ToLowerInvariant() switch
    {
        "account" => Keep(Account(properties), field, kind),
        "host" => Keep(Host(properties), field, kind),
        "ip" => Ip(properties, field),
        "url" => Keep(properties.Str("url") is { } url ? new UrlEntity { Url = url } : null, field, kind),
        "dnsresolution" => Keep(properties.Str("domainName") is { } domain ? new DomainEntity { Name = domain } : null, field, kind),
        "file" => Keep(File(properties), field, kind),
        "filehash" => Keep(FileHash(properties), field, kind),
        "process" => Keep(Process(properties, field), field, kind),
        "mailbox" => Keep(Mailbox(properties), field, kind),
        "mailmessage" => Keep(MailMessage(properties), field, kind),
        "cloudapplication" => Keep(CloudApplication(properties), field, kind),
        "azureresource" => Keep(properties.Str("resourceId") is { } id ? new AzureResourceEntity { ResourceId = id } : null, field, kind),
        "registrykey" => Keep(RegistryKey(properties), field, kind),
        "registryvalue" => RegistryValue(properties, field),
        "malware" => Keep(Malware(properties), field, kind),
        _ => null,
    };

    private Entity? Keep(Entity? entity, string field, string kind)
    {
        if (entity is null)
        {
            warnings.Add($"{field}: dropped {kind} entity without a usable identifier");
        }

        return entity;
    }

    private static AccountEntity? Account(JsonElement p) =>
        // objectGuid is the on-premises AD object GUID, not the Entra object id, so only aadUserId fills ObjectId.
        EntityFactory.Account(
            objectId: p.Str("aadUserId"),
            sid: p.Str("sid"),
            name: p.Str("accountName"),
            ntDomain: p.Str("ntDomain"),
            upnSuffix: p.Str("upnSuffix"),
            displayName: p.Str("displayName"));

    private static HostEntity? Host(JsonElement p) =>
        EntityFactory.Host(
            hostName: p.Str("hostName") ?? p.Str("netBiosName"),
            dnsDomain: p.Str("dnsDomain"),
            azureResourceId: p.Str("azureID"),
            osFamily: p.Str("osFamily"),
            osVersion: p.Str("osVersion"));

    private IpEntity? Ip(JsonElement p, string field)
    {
        var address = p.Str("address");
        var ip = EntityFactory.Ip(address);
        if (ip is null)
        {
            warnings.Add(address is null
                ? $"{field}: dropped Ip entity without an address"
                : $"{field}: dropped Ip entity, '{address}' is not an IP address");
        }

        return ip;
    }

    private FileEntity? File(JsonElement p)
    {
        string? sha1 = null, sha256 = null, md5 = null;
        foreach (var reference in JsonFields.Strings(p.Get("fileHashEntityIds")))
        {
            if (index.Find(reference) is { } hashItem && ArmEntityIndex.Properties(hashItem) is { } hash)
            {
                AssignHash(hash, ref sha1, ref sha256, ref md5);
            }
        }

        return EntityFactory.File(name: p.Str("fileName"), path: p.Str("directory"), sha1: sha1, sha256: sha256, md5: md5);
    }

    private static FileEntity? FileHash(JsonElement p)
    {
        string? sha1 = null, sha256 = null, md5 = null;
        AssignHash(p, ref sha1, ref sha256, ref md5);
        return EntityFactory.File(sha1: sha1, sha256: sha256, md5: md5);
    }

    // SHA256AC (an authenticode hash) and Unknown match no hash field of FileEntity and are left out.
    private static void AssignHash(JsonElement p, ref string? sha1, ref string? sha256, ref string? md5)
    {
        var value = p.Str("hashValue");
        switch (p.Str("algorithm")?.ToUpperInvariant())
        {
            case "SHA1":
                sha1 ??= value;
                break;
            case "SHA256":
                sha256 ??= value;
                break;
            case "MD5":
                md5 ??= value;
                break;
        }
    }

    private ProcessEntity? Process(JsonElement p, string field)
    {
        var processId = p.Str("processId");
        var commandLine = p.Str("commandLine");
        if (processId is null && commandLine is null)
        {
            return null;
        }

        var image = index.Find(p.Str("imageFileEntityId")) is { } imageItem ? ArmEntityIndex.Properties(imageItem) : null;
        var parent = index.Find(p.Str("parentProcessEntityId")) is { } parentItem ? ArmEntityIndex.Properties(parentItem) : null;

        return new ProcessEntity
        {
            ProcessId = processId,
            CommandLine = commandLine,
            CreatedAt = ProcessCreationTime(p.Str("creationTimeUtc"), field),
            ImageFileName = image?.Str("fileName"),
            ImageFilePath = image?.Str("directory"),
            ParentProcessId = parent?.Str("processId"),
        };
    }

    // An unreadable creation time loses only that time, because one bad entity must not reject the record.
    private DateTimeOffset? ProcessCreationTime(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (UtcTimestamp.TryParse(text, out var value))
        {
            return value;
        }

        warnings.Add($"{field}.properties.creationTimeUtc: ignored process creation time, {UtcTimestamp.DescribeInvalid(text)}");
        return null;
    }

    private static MailboxEntity? Mailbox(JsonElement p)
    {
        var address = p.Str("mailboxPrimaryAddress");
        var upn = p.Str("upn");
        if (address is null && upn is null)
        {
            return null;
        }

        return new MailboxEntity { Address = address, Upn = upn, DisplayName = p.Str("displayName") };
    }

    private static MailMessageEntity? MailMessage(JsonElement p)
    {
        var networkMessageId = p.Str("networkMessageId");
        var internetMessageId = p.Str("internetMessageId");
        if (networkMessageId is null && internetMessageId is null)
        {
            return null;
        }

        // p1Sender is the envelope (MAIL FROM) sender. p2Sender, the header From, is used only when p1Sender is missing.
        return new MailMessageEntity
        {
            NetworkMessageId = networkMessageId,
            InternetMessageId = internetMessageId,
            Sender = p.Str("p1Sender") ?? p.Str("p2Sender"),
            Recipients = p.Str("recipient") is { } recipient ? [recipient] : [],
            Subject = p.Str("subject"),
        };
    }

    private static CloudApplicationEntity? CloudApplication(JsonElement p)
    {
        var appId = p.Str("appId");
        var name = p.Str("appName");
        if (appId is null && name is null)
        {
            return null;
        }

        return new CloudApplicationEntity { AppId = appId, Name = name, InstanceName = p.Str("instanceName") };
    }

    private static RegistryEntity? RegistryKey(JsonElement p) =>
        p.Str("key") is { } key ? new RegistryEntity { Hive = p.Str("hive"), Key = key } : null;

    private RegistryEntity? RegistryValue(JsonElement p, string field)
    {
        var keyItem = index.Find(p.Str("keyEntityId"));
        var key = keyItem is { } item ? ArmEntityIndex.Properties(item) : null;
        if (key?.Str("key") is not { } keyPath)
        {
            warnings.Add($"{field}: dropped RegistryValue entity, its keyEntityId names no RegistryKey entity in the list");
            return null;
        }

        return new RegistryEntity
        {
            Hive = key.Value.Str("hive"),
            Key = keyPath,
            ValueName = p.Str("valueName"),
            ValueData = p.Str("valueData"),
            ValueType = p.Str("valueType"),
        };
    }

    private static MalwareEntity? Malware(JsonElement p) =>
        p.Str("malwareName") is { } name ? new MalwareEntity { Name = name, Category = p.Str("category") } : null;
}
