using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Graph;

/// <summary>
/// Builds entities from the Graph security evidence types. Each factory returns null when the item has no usable
/// identifier, so the caller drops it with a warning.
/// </summary>
internal static class GraphEvidenceEntities
{
    /// <summary>Adds the host of a <c>deviceEvidence</c> item, its interface addresses and its logged-on users.</summary>
    public static void AddDevice(JsonElement item, string field, EntityRole? role, AlertDraft draft)
    {
        var host = EntityFactory.Host(
            hostName: item.Str("deviceDnsName"),
            defenderDeviceId: item.Str("mdeDeviceId"),
            azureAdDeviceId: item.Str("azureAdDeviceId"),
            azureResourceId: item.Str("vmMetadata", "resourceId"),
            osFamily: item.Str("osPlatform"),
            osVersion: item.Str("osBuild"),
            role: role);
        draft.AddEntity(host, field, "host");

        // The interfaces and sessions belong to the device, so they share its role.
        var ipIndex = -1;
        foreach (var address in JsonFields.Strings(item.Get("ipInterfaces")))
        {
            ipIndex++;
            draft.AddIp(address, $"{field}.ipInterfaces[{ipIndex}]", role);
        }

        var userIndex = -1;
        foreach (var user in JsonFields.Items(item.Get("loggedOnUsers")))
        {
            userIndex++;
            var account = EntityFactory.Account(name: user.Str("accountName"), ntDomain: user.Str("domainName"), role: role);
            draft.AddEntity(account, $"{field}.loggedOnUsers[{userIndex}]", "account");
        }
    }

    /// <summary>Creates an account from a Graph <c>userAccount</c> object.</summary>
    public static AccountEntity? Account(JsonElement? userAccount, EntityRole? role)
    {
        if (userAccount is not { ValueKind: JsonValueKind.Object } account)
        {
            return null;
        }

        return EntityFactory.Account(
            objectId: account.Str("azureAdUserId"),
            upn: account.Str("userPrincipalName"),
            sid: account.Str("userSid"),
            name: account.Str("accountName"),
            ntDomain: account.Str("domainName"),
            displayName: account.Str("displayName"),
            role: role);
    }

    /// <summary>Creates a file from a Graph <c>fileDetails</c> object.</summary>
    public static FileEntity? File(JsonElement? fileDetails, EntityRole? role)
    {
        if (fileDetails is not { ValueKind: JsonValueKind.Object } details)
        {
            return null;
        }

        return EntityFactory.File(
            name: details.Str("fileName"),
            path: details.Str("filePath"),
            sha1: details.Str("sha1"),
            sha256: details.Str("sha256"),
            md5: details.Str("md5"),
            role: role);
    }

    /// <summary>Adds the process of a <c>processEvidence</c> item, its image file and the account it ran as.</summary>
    public static void AddProcess(JsonElement item, string field, EntityRole? role, AlertDraft draft)
    {
        var processId = item.Str("processId");
        var commandLine = item.Str("processCommandLine");
        var image = item.Get("imageFile");
        var imageName = image?.Str("fileName");

        ProcessEntity? process = null;
        if (processId is not null || commandLine is not null || imageName is not null)
        {
            process = new ProcessEntity
            {
                ProcessId = processId,
                CommandLine = commandLine,
                CreatedAt = AlertDraft.Time(item.Str("processCreationDateTime"), field + ".processCreationDateTime"),
                ImageFileName = imageName,
                ImageFilePath = image?.Str("filePath"),
                ParentProcessId = item.Str("parentProcessId"),
                ParentImageFileName = item.Get("parentProcessImageFile")?.Str("fileName"),
                Role = role,
            };
        }

        draft.AddEntity(process, field, "process");

        // The image file carries the hashes that link this process to file evidence in other alerts.
        if (File(image, role) is { } imageFile)
        {
            draft.AddEntity(imageFile, field + ".imageFile", "file");
        }

        if (Account(item.Get("userAccount"), role) is { } account)
        {
            draft.AddEntity(account, field + ".userAccount", "account");
        }
    }

    /// <summary>Creates a registry entity from a <c>registryKeyEvidence</c> or <c>registryValueEvidence</c> item.</summary>
    public static RegistryEntity? Registry(JsonElement item, EntityRole? role)
    {
        if (item.Str("registryKey") is not { } key)
        {
            return null;
        }

        return new RegistryEntity
        {
            Hive = item.Str("registryHive"),
            Key = key,
            ValueName = item.Str("registryValueName"),
            ValueData = item.Str("registryValue"),
            ValueType = item.Str("registryValueType"),
            Role = role,
        };
    }

    public static UrlEntity? Url(string? url, EntityRole? role) =>
        url is null ? null : new UrlEntity { Url = url, Role = role };

    public static AzureResourceEntity? AzureResource(string? resourceId, EntityRole? role) =>
        resourceId is null ? null : new AzureResourceEntity { ResourceId = resourceId, Role = role };

    /// <summary>Creates a mailbox from a <c>mailboxEvidence</c> item.</summary>
    public static MailboxEntity? Mailbox(JsonElement item, EntityRole? role)
    {
        var address = item.Str("primaryAddress");
        var upn = item.Str("userAccount", "userPrincipalName");
        if (address is null && upn is null)
        {
            return null;
        }

        return new MailboxEntity { Address = address, DisplayName = item.Str("displayName"), Upn = upn, Role = role };
    }

    /// <summary>
    /// Adds the message of an <c>analyzedMessageEvidence</c> item with its sender IP and the URLs it contained.
    /// The sender is the P1 (envelope, SMTP MAIL FROM) address when present, else the P2 (From header) address.
    /// </summary>
    public static void AddMessage(JsonElement item, string field, EntityRole? role, AlertDraft draft)
    {
        var networkMessageId = item.Str("networkMessageId");
        var internetMessageId = item.Str("internetMessageId");
        MailMessageEntity? message = null;
        if (networkMessageId is not null || internetMessageId is not null)
        {
            var recipient = item.Str("recipientEmailAddress");
            message = new MailMessageEntity
            {
                Sender = item.Str("p1Sender", "emailAddress") ?? item.Str("p2Sender", "emailAddress"),
                Recipients = recipient is null ? [] : [recipient],
                NetworkMessageId = networkMessageId,
                InternetMessageId = internetMessageId,
                Subject = item.Str("subject"),
                Role = role,
            };
        }

        draft.AddEntity(message, field, "mail-message");
        draft.AddIp(item.Str("senderIp"), field + ".senderIp");

        foreach (var url in JsonFields.Strings(item.Get("urls")))
        {
            draft.AddEntity(Url(url, role: null), field + ".urls", "url");
        }
    }

    /// <summary>Creates an application from a <c>cloudApplicationEvidence</c> or <c>oauthApplicationEvidence</c> item.</summary>
    public static CloudApplicationEntity? CloudApplication(JsonElement item, EntityRole? role)
    {
        var appId = item.Str("appId");
        var name = item.Str("displayName");
        if (appId is null && name is null)
        {
            return null;
        }

        return new CloudApplicationEntity { AppId = appId, Name = name, InstanceName = item.Str("instanceName"), Role = role };
    }

    /// <summary>Creates a malware entity from a <c>malwareEvidence</c> item.</summary>
    public static MalwareEntity? Malware(JsonElement item, EntityRole? role) =>
        item.Str("name") is { } name ? new MalwareEntity { Name = name, Category = item.Str("category"), Role = role } : null;
}
