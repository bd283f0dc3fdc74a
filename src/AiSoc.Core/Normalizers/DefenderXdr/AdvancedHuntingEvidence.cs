using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderXdr;

/// <summary>Turns one <c>AlertEvidence</c> row into the entity it describes.</summary>
internal static class AdvancedHuntingEvidence
{
    /// <summary>Adds the row's entity to <paramref name="draft"/>; an entity without identifiers is dropped with a warning.</summary>
    public static void Add(AlertDraft draft, JsonElement row, string prefix)
    {
        var entityType = row.Str("EntityType") ?? "Unknown";
        var role = EntityFactory.Role(row.Str("EvidenceRole"));
        var field = prefix + "EntityType";

        switch (entityType.ToLowerInvariant())
        {
            case "user":
            case "account":
                draft.AddEntity(EntityFactory.Account(objectId: row.Str("AccountObjectId"), upn: row.Str("AccountUpn"),
                    sid: row.Str("AccountSid"), name: row.Str("AccountName"), ntDomain: row.Str("AccountDomain"), role: role), field, "account");
                break;
            case "machine":
            case "device":
                draft.AddEntity(EntityFactory.Host(hostName: row.Str("DeviceName"), defenderDeviceId: row.Str("DeviceId"), role: role), field, "host");
                draft.AddIp(row.Str("LocalIP"), prefix + "LocalIP");
                break;
            case "file":
                draft.AddEntity(EntityFactory.File(name: row.Str("FileName"), path: row.Str("FolderPath"), sha1: row.Str("SHA1"),
                    sha256: row.Str("SHA256"), role: role), field, "file");
                break;
            case "process":
                draft.AddEntity(Process(row, role), field, "process");
                break;
            case "ip":
                draft.AddIp(row.Str("RemoteIP") ?? row.Str("LocalIP"), prefix + "RemoteIP", role);
                break;
            case "url":
                draft.AddEntity(row.Str("RemoteUrl") is { } url ? new UrlEntity { Url = url, Role = role } : null, field, "url");
                break;
            case "mailmessage":
                draft.AddEntity(MailMessage(row, role), field, "mail-message");
                break;
            case "mailbox":
                draft.AddEntity(new MailboxEntity { Address = row.Str("AccountUpn"), Upn = row.Str("AccountUpn"), DisplayName = row.Str("AccountName"), Role = role }, field, "mailbox");
                break;
            case "cloudapplication":
            case "oauthapplication":
                draft.AddEntity(new CloudApplicationEntity { AppId = row.Str("ApplicationId"), Name = row.Str("Application"), Role = role }, field, "cloud-application");
                break;
            case "registryvalue":
            case "registrykey":
                draft.AddEntity(row.Str("RegistryKey") is { } key
                    ? new RegistryEntity { Key = key, ValueName = row.Str("RegistryValueName"), ValueData = row.Str("RegistryValueData"), Role = role }
                    : null, field, "registry");
                break;
            default:
                draft.Warn($"{field}: skipped evidence of type '{entityType}', which has no entity kind");
                break;
        }

        // Evidence rows name the device and user they were seen on even when the entity is something else.
        if (entityType is not ("Machine" or "Device") && row.Str("DeviceId") is not null)
        {
            draft.AddEntity(EntityFactory.Host(hostName: row.Str("DeviceName"), defenderDeviceId: row.Str("DeviceId")), prefix + "DeviceId", "host");
        }
    }

    private static ProcessEntity? Process(JsonElement row, EntityRole? role)
    {
        var commandLine = row.Str("ProcessCommandLine");
        var fileName = row.Str("FileName");
        if (commandLine is null && fileName is null)
        {
            return null;
        }

        return new ProcessEntity { CommandLine = commandLine, ImageFileName = fileName, ImageFilePath = row.Str("FolderPath"), Role = role };
    }

    private static MailMessageEntity? MailMessage(JsonElement row, EntityRole? role)
    {
        var networkMessageId = row.Str("NetworkMessageId");
        if (networkMessageId is null)
        {
            return null;
        }

        return new MailMessageEntity { NetworkMessageId = networkMessageId, Subject = row.Str("EmailSubject"), Role = role };
    }
}
