using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderForEndpoint;

/// <summary>
/// Turns the <c>evidence</c> list (present with <c>$expand=evidence</c>) and the <c>alertFiles</c>,
/// <c>alertDomains</c> and <c>alertIps</c> lists that some responses include into entities.
/// </summary>
internal static class MdeEvidenceReader
{
    /// <summary>Adds the entities of every evidence item and of the alert file, domain and IP lists.</summary>
    public static void Read(JsonElement record, AlertDraft draft)
    {
        var index = -1;
        foreach (var item in JsonFields.Items(record.Get("evidence")))
        {
            index++;
            if (item.ValueKind == JsonValueKind.Object)
            {
                ReadEvidence(item, $"evidence[{index}]", draft);
            }
        }

        ReadAlertLists(record, draft);
    }

    private static void ReadEvidence(JsonElement item, string field, AlertDraft draft)
    {
        var entityType = item.Str("entityType");
        switch (entityType?.ToLowerInvariant())
        {
            case "user":
                draft.AddEntity(Account(item), field, "account");
                break;
            case "file":
                draft.AddEntity(File(item), field, "file");
                break;
            case "process":
                AddProcess(item, field, draft);
                break;
            case "ip":
                draft.AddIp(item.Str("ipAddress"), field + ".ipAddress");
                break;
            case "url":
                draft.AddEntity(item.Str("url") is { } url ? new UrlEntity { Url = url } : null, field, "url");
                break;
            case "registry":
                draft.AddEntity(Registry(item), field, "registry");
                break;
            default:
                draft.Warn($"{field}: skipped unsupported evidence entityType '{entityType}'");
                break;
        }
    }

    private static AccountEntity? Account(JsonElement item) =>
        EntityFactory.Account(
            objectId: item.Str("aadUserId"),
            upn: item.Str("userPrincipalName"),
            sid: item.Str("userSid"),
            name: item.Str("accountName"),
            ntDomain: item.Str("domainName"));

    private static FileEntity? File(JsonElement item) =>
        EntityFactory.File(
            name: item.Str("fileName"),
            path: item.Str("filePath"),
            sha1: item.Str("sha1"),
            sha256: item.Str("sha256"));

    /// <summary>Adds the process, its image file (for its hashes) and the account it ran as.</summary>
    private static void AddProcess(JsonElement item, string field, AlertDraft draft)
    {
        var processId = item.Str("processId");
        var commandLine = item.Str("processCommandLine");
        var imageName = item.Str("fileName");

        ProcessEntity? process = null;
        if (processId is not null || commandLine is not null || imageName is not null)
        {
            process = new ProcessEntity
            {
                ProcessId = processId,
                CommandLine = commandLine,
                CreatedAt = AlertDraft.Time(item.Str("processCreationTime"), field + ".processCreationTime"),
                ImageFileName = imageName,
                ImageFilePath = item.Str("filePath"),
                ParentProcessId = item.Str("parentProcessId"),
                ParentImageFileName = item.Str("parentProcessFileName"),
            };
        }

        draft.AddEntity(process, field, "process");

        if (File(item) is { } imageFile)
        {
            draft.AddEntity(imageFile, field, "file");
        }

        if (Account(item) is { } account)
        {
            draft.AddEntity(account, field, "account");
        }
    }

    private static RegistryEntity? Registry(JsonElement item) =>
        item.Str("registryKey") is { } key
            ? new RegistryEntity
            {
                Hive = item.Str("registryHive"),
                Key = key,
                ValueName = item.Str("registryValueName"),
                ValueData = item.Str("registryValue"),
                ValueType = item.Str("registryValueType"),
            }
            : null;

    // NOTE: alertFiles, alertDomains and alertIps are not in the current API reference. They are read as lists of
    // strings or of objects with the evidence field names (sha1, sha256, fileName, filePath, host, ipAddress).
    private static void ReadAlertLists(JsonElement record, AlertDraft draft)
    {
        var index = -1;
        foreach (var item in JsonFields.Items(record.Get("alertFiles")))
        {
            index++;
            var file = item.ValueKind == JsonValueKind.Object ? File(item) : FileFromText(JsonFields.AsText(item));
            draft.AddEntity(file, $"alertFiles[{index}]", "file");
        }

        index = -1;
        foreach (var item in JsonFields.Items(record.Get("alertDomains")))
        {
            index++;
            var name = item.ValueKind == JsonValueKind.Object ? item.Str("host") ?? item.Str("domain") : JsonFields.AsText(item);
            draft.AddEntity(name is null ? null : new DomainEntity { Name = name }, $"alertDomains[{index}]", "domain");
        }

        index = -1;
        foreach (var item in JsonFields.Items(record.Get("alertIps")))
        {
            index++;
            var address = item.ValueKind == JsonValueKind.Object ? item.Str("ipAddress") ?? item.Str("ip") : JsonFields.AsText(item);
            draft.AddIp(address, $"alertIps[{index}]");
        }
    }

    /// <summary>Reads a bare list item as a SHA-1 or SHA-256 hash by its length, else as a file name.</summary>
    private static FileEntity? FileFromText(string? text) => text?.Length switch
    {
        null => null,
        40 => EntityFactory.File(sha1: text),
        64 => EntityFactory.File(sha256: text),
        _ => EntityFactory.File(name: text),
    };
}
