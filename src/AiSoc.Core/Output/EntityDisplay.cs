using AiSoc.Core.Schema;

namespace AiSoc.Core.Output;

/// <summary>Short human-readable labels for entities in reports.</summary>
public static class EntityDisplay
{
    /// <summary>Returns the kind and the most telling identifier, such as <c>account alice@contoso.com</c>.</summary>
    public static string Describe(Entity entity) => entity.Kind + " " + (entity switch
    {
        AccountEntity a => a.Upn ?? Qualified(a.NtDomain, a.Name) ?? a.DisplayName ?? a.ObjectId ?? a.Sid,
        HostEntity h => h.Fqdn ?? h.HostName ?? h.DefenderDeviceId ?? h.AzureResourceId,
        IpEntity ip => ip.Address,
        UrlEntity u => u.Url,
        DomainEntity d => d.Name,
        FileEntity f => f.Name ?? f.Sha256 ?? f.Sha1 ?? f.Md5,
        ProcessEntity p => p.ImageFileName ?? p.ProcessId,
        MailboxEntity m => m.Address ?? m.Upn ?? m.DisplayName,
        MailMessageEntity m => m.NetworkMessageId ?? m.InternetMessageId ?? m.Sender,
        CloudApplicationEntity c => c.Name ?? c.AppId,
        AzureResourceEntity r => r.ResourceId,
        RegistryEntity r => r.Key,
        MalwareEntity m => m.Name,
        _ => null,
    } ?? "(unnamed)");

    private static string? Qualified(string? domain, string? name) =>
        name is null ? null : domain is null ? name : domain + "\\" + name;
}
