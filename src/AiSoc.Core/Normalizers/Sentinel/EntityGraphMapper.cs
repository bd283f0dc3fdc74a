using System.Collections.Frozen;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using static AiSoc.Core.Normalizers.Sentinel.EntityGraphFields;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Maps Sentinel entity <c>Type</c> values onto schema entities. Nested entities (a process's image file and
/// parent, a file's hashes) are already built when their parent is mapped, because the walker visits children first.
/// </summary>
internal static partial class EntityGraphMapper
{
    private static readonly FrozenSet<string> ModeledTypes = new[]
    {
        "account", "host", "ip", "url", "dns", "file", "filehash", "process", "mailbox", "mail-message",
        "cloud-application", "azure-resource", "registry-key", "registry-value", "malware",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Returns the lower-case entity type with the camel-case spellings that Sentinel also writes (<c>mailMessage</c>,
    /// <c>registryKey</c>) and <c>domain</c> mapped onto the kebab-case names. Returns null when <paramref name="type"/> is null.
    /// </summary>
    public static string? CanonicalType(string? type) => type?.ToLowerInvariant() switch
    {
        null => null,
        "domain" => "dns",
        "mailmessage" => "mail-message",
        "cloudapplication" => "cloud-application",
        "azureresource" => "azure-resource",
        "registrykey" => "registry-key",
        "registryvalue" => "registry-value",
        var lower => lower,
    };

    /// <summary>True for canonical entity types that the schema models.</summary>
    public static bool IsModeled(string type) => ModeledTypes.Contains(type);

    /// <summary>
    /// Builds the entity of a modeled node. Returns null with <paramref name="dropReason"/> set when no usable
    /// identifier is left. Problems that only lose a detail go to <paramref name="warnings"/>.
    /// </summary>
    public static Entity? Build(EntityGraphNode node, List<string> warnings, out string? dropReason)
    {
        dropReason = null;
        var element = node.Element;
        var role = Role(element);

        switch (node.Type)
        {
            case "account":
                return Account(node, role);
            case "host":
                return Host(node, role);
            case "ip":
                return Ip(node, role, out dropReason);
            case "url":
                return Text(element, "Url") is { } url ? new UrlEntity { Url = url, Role = role } : null;
            case "dns":
                return Text(element, "DomainName", "Domain") is { } domain
                    ? new DomainEntity { Name = domain.TrimEnd('.').ToLowerInvariant(), Role = role }
                    : null;
            case "file":
                return File(node, role, warnings);
            case "filehash":
                return FileHash(node, role, out dropReason);
            case "process":
                return Process(node, role, warnings);
            case "mailbox":
                return Mailbox(node, role);
            case "mail-message":
                return MailMessage(node, role);
            case "cloud-application":
                return CloudApplication(node, role);
            case "azure-resource":
                return Text(element, "ResourceId") is { } resourceId
                    ? new AzureResourceEntity { ResourceId = resourceId, Role = role }
                    : null;
            case "registry-key":
                return RegistryKey(node, role);
            case "registry-value":
                return RegistryValue(node, role, warnings, out dropReason);
            case "malware":
                return Text(element, "Name", "MalwareName") is { } malware
                    ? new MalwareEntity { Name = malware, Category = Text(element, "Category"), Role = role }
                    : null;
            default:
                return null;
        }
    }

    private static AccountEntity? Account(EntityGraphNode node, EntityRole? role)
    {
        var element = node.Element;
        var name = Text(element, "Name", "AccountName");

        // A Name that is already a full UPN counts as one; a bare name never becomes a UPN without UPNSuffix.
        var upn = Text(element, "UserPrincipalName", "Upn") ?? (name is not null && name.Contains('@', StringComparison.Ordinal) ? name : null);

        // ObjectGuid is the on-premises AD object GUID; it stands in for the Entra object id only when
        // AadUserId is absent, and a GUID cannot name a different account by accident.
        var objectId = Guid(element, "AadUserId") ?? Guid(element, "ObjectGuid");

        return EntityFactory.Account(objectId: objectId, upn: upn, sid: Text(element, "Sid"), name: name,
            ntDomain: Text(element, "NTDomain"), upnSuffix: Text(element, "UPNSuffix"),
            displayName: Text(element, "DisplayName", "FullName"), role: role);
    }

    private static HostEntity? Host(EntityGraphNode node, EntityRole? role)
    {
        var element = node.Element;

        return EntityFactory.Host(hostName: Text(element, "HostName", "NetBiosName"), fqdn: Text(element, "FQDN"),
            dnsDomain: Text(element, "DnsDomain"), defenderDeviceId: Text(element, "MdatpDeviceId", "DeviceId"),
            azureAdDeviceId: Text(element, "AadDeviceId"), azureResourceId: Text(element, "AzureID"),
            osFamily: Text(element, "OSFamily"), osVersion: Text(element, "OSVersion"), role: role);
    }

    private static IpEntity? Ip(EntityGraphNode node, EntityRole? role, out string? dropReason)
    {
        var address = Text(node.Element, "Address");
        var ip = EntityFactory.Ip(address, role);
        dropReason = ip is null && address is not null ? $"'{Clip(address)}' is not an IP address" : null;
        return ip;
    }

    private static MailboxEntity? Mailbox(EntityGraphNode node, EntityRole? role)
    {
        var element = node.Element;
        var address = Text(element, "MailboxPrimaryAddress");
        var upn = Text(element, "Upn");
        var displayName = Text(element, "DisplayName");
        if (address is null && upn is null)
        {
            return null;
        }

        return new MailboxEntity { Address = address, Upn = upn, DisplayName = displayName, Role = role };
    }

    private static MailMessageEntity? MailMessage(EntityGraphNode node, EntityRole? role)
    {
        var element = node.Element;
        var networkMessageId = Text(element, "NetworkMessageId");
        var internetMessageId = Text(element, "InternetMessageId");
        var sender = Text(element, "Sender", "P1Sender", "P2Sender");
        var subject = Text(element, "Subject");
        if (networkMessageId is null && internetMessageId is null && sender is null && subject is null)
        {
            return null;
        }

        var recipient = Text(element, "Recipient");
        return new MailMessageEntity
        {
            NetworkMessageId = networkMessageId,
            InternetMessageId = internetMessageId,
            Sender = sender,
            Subject = subject,
            Recipients = recipient is null ? [] : [recipient],
            Role = role,
        };
    }

    private static CloudApplicationEntity? CloudApplication(EntityGraphNode node, EntityRole? role)
    {
        var element = node.Element;
        var appId = Text(element, "AppId", "ApplicationId");
        var name = Text(element, "Name", "AppName");
        if (appId is null && name is null)
        {
            return null;
        }

        return new CloudApplicationEntity { AppId = appId, Name = name, InstanceName = Text(element, "InstanceName"), Role = role };
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
