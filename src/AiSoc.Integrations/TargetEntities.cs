using AiSoc.Core.Response;
using AiSoc.Core.Schema;

namespace AiSoc.Integrations;

/// <summary>
/// Rebuilds the entity of an action target. A target read back from a stored plan has no
/// <see cref="ActionTarget.Entity"/>, so its <c>prefix:value</c> id is parsed instead.
/// </summary>
internal static class TargetEntities
{
    public static AccountEntity? Account(ActionTarget target) => target.Entity as AccountEntity ?? Split(target) switch
    {
        ("oid", var value) => new AccountEntity { ObjectId = value },
        ("upn", var value) => new AccountEntity { Upn = value },
        _ => null,
    };

    public static HostEntity? Host(ActionTarget target) => target.Entity as HostEntity ?? Split(target) switch
    {
        ("mde", var value) => new HostEntity { DefenderDeviceId = value },
        ("fqdn", var value) => new HostEntity { Fqdn = value },
        ("name", var value) => new HostEntity { HostName = value },
        ("aad", var value) => new HostEntity { AzureAdDeviceId = value },
        _ => null,
    };

    public static FileEntity? File(ActionTarget target) => target.Entity as FileEntity ?? Split(target) switch
    {
        ("sha256", var value) => new FileEntity { Sha256 = value },
        ("sha1", var value) => new FileEntity { Sha1 = value },
        ("md5", var value) => new FileEntity { Md5 = value },
        _ => null,
    };

    public static string? AppId(ActionTarget target) => (target.Entity as CloudApplicationEntity)?.AppId ?? Split(target) switch
    {
        ("appid", var value) => value,
        _ => null,
    };

    private static (string Prefix, string Value) Split(ActionTarget target)
    {
        var colon = target.Id.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? (string.Empty, target.Id) : (target.Id[..colon], target.Id[(colon + 1)..]);
    }
}
