using System.Globalization;
using AiSoc.Core.Schema;

namespace AiSoc.Narratives.Prompting;

/// <summary>Turns a typed entity into the named, clipped fields of an <see cref="EvidenceEntity"/>.</summary>
internal static class EvidenceEntityMapper
{
    public static EvidenceEntity Map(Entity entity, int maxFieldLength)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields[name] = UntrustedText.Clip(value, maxFieldLength);
            }
        }

        switch (entity)
        {
            case AccountEntity account:
                Add("upn", account.Upn);
                Add("name", account.Name);
                Add("domain", account.NtDomain);
                Add("displayName", account.DisplayName);
                Add("objectId", account.ObjectId);
                break;
            case HostEntity host:
                Add("hostName", host.HostName);
                Add("fqdn", host.Fqdn);
                Add("os", host.OsFamily);
                break;
            case IpEntity ip:
                Add("address", ip.Address);
                Add("isPrivate", ip.IsPrivate ? "true" : "false");
                break;
            case UrlEntity url:
                Add("url", url.Url);
                break;
            case DomainEntity domain:
                Add("name", domain.Name);
                break;
            case FileEntity file:
                Add("name", file.Name);
                Add("path", file.Path);
                Add("sha256", file.Sha256);
                Add("sha1", file.Sha1);
                break;
            case ProcessEntity process:
                Add("image", process.ImageFileName);
                Add("imagePath", process.ImageFilePath);
                Add("commandLine", process.CommandLine);
                Add("parentImage", process.ParentImageFileName);
                Add("processId", process.ProcessId);
                break;
            case MailboxEntity mailbox:
                Add("address", mailbox.Address);
                Add("displayName", mailbox.DisplayName);
                break;
            case MailMessageEntity message:
                Add("subject", message.Subject);
                Add("sender", message.Sender);
                Add("recipients", string.Join(", ", message.Recipients));
                break;
            case CloudApplicationEntity application:
                Add("name", application.Name);
                Add("appId", application.AppId);
                break;
            case AzureResourceEntity resource:
                Add("resourceId", resource.ResourceId);
                break;
            case RegistryEntity registry:
                Add("key", registry.Key);
                Add("valueName", registry.ValueName);
                Add("valueData", registry.ValueData);
                break;
            case MalwareEntity malware:
                Add("name", malware.Name);
                Add("category", malware.Category);
                break;
            default:
                break;
        }

        var role = entity.Role?.ToString().ToLower(CultureInfo.InvariantCulture);
        return new EvidenceEntity(entity.Kind, role, fields);
    }
}
