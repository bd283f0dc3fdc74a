using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

// Picks the strongest identifier of an entity as the action target. An entity without an identifier an action
// can act on (an account with only a display name, a file without a hash) yields no target.
internal static class TargetResolver
{
    public static ActionTarget? Resolve(Entity entity) => entity switch
    {
        AccountEntity account => ResolveAccount(account),
        HostEntity host => ResolveHost(host),
        IpEntity ip => new ActionTarget("ip", ip.Address, ip.Address) { Entity = ip },
        UrlEntity url => new ActionTarget("url", url.Url, url.Url) { Entity = url },
        DomainEntity domain => new ActionTarget("domain", domain.Name.ToLowerInvariant(), domain.Name) { Entity = domain },
        FileEntity file => ResolveFile(file),
        CloudApplicationEntity app when app.AppId is not null =>
            new ActionTarget("cloud-application", "appid:" + app.AppId.ToLowerInvariant(), app.Name ?? app.AppId) { Entity = app },
        MailboxEntity mailbox when (mailbox.Upn ?? mailbox.Address) is { } address =>
            new ActionTarget("mailbox", address.ToLowerInvariant(), mailbox.DisplayName ?? address) { Entity = mailbox },
        MailMessageEntity message when message.NetworkMessageId is not null =>
            new ActionTarget("mail-message", message.NetworkMessageId.ToLowerInvariant(), message.Subject ?? message.NetworkMessageId) { Entity = message },
        AzureResourceEntity resource =>
            new ActionTarget("azure-resource", resource.ResourceId.ToLowerInvariant(), resource.ResourceId) { Entity = resource },
        _ => null,
    };

    private static ActionTarget? ResolveAccount(AccountEntity account)
    {
        var display = account.Upn ?? account.DisplayName ?? account.Name ?? account.ObjectId ?? account.Sid;
        var id = account switch
        {
            { ObjectId: { } oid } => "oid:" + oid.ToLowerInvariant(),
            { Upn: { } upn } => "upn:" + upn.ToLowerInvariant(),
            { Sid: { } sid } => "sid:" + sid.ToUpperInvariant(),
            _ => null,
        };
        return id is null ? null : new ActionTarget("account", id, display!) { Entity = account };
    }

    private static ActionTarget? ResolveHost(HostEntity host)
    {
        var display = host.Fqdn ?? host.HostName ?? host.DefenderDeviceId ?? host.AzureAdDeviceId;
        var id = host switch
        {
            { DefenderDeviceId: { } mde } => "mde:" + mde.ToLowerInvariant(),
            { AzureAdDeviceId: { } aad } => "aad:" + aad.ToLowerInvariant(),
            { Fqdn: { } fqdn } => "fqdn:" + fqdn.ToLowerInvariant(),
            { HostName: { } name } => "name:" + name.ToLowerInvariant(),
            _ => null,
        };
        return id is null ? null : new ActionTarget("host", id, display!) { Entity = host };
    }

    private static ActionTarget? ResolveFile(FileEntity file)
    {
        var id = file switch
        {
            { Sha256: { } sha256 } => "sha256:" + sha256.ToLowerInvariant(),
            { Sha1: { } sha1 } => "sha1:" + sha1.ToLowerInvariant(),
            { Md5: { } md5 } => "md5:" + md5.ToLowerInvariant(),
            _ => null,
        };
        return id is null ? null : new ActionTarget("file", id, file.Name ?? id) { Entity = file };
    }
}
