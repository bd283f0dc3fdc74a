using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Common;

/// <summary>
/// Builds entities from the parts a source gives, keeping only identifiers that exist. Returns null when no usable
/// identifier is left, so that the caller drops the entity with a warning instead of the alert.
/// </summary>
public static class EntityFactory
{
    private static readonly HashSet<string> BuiltInSids = new(StringComparer.OrdinalIgnoreCase)
    {
        "S-1-0-0", "S-1-1-0", "S-1-5-7", "S-1-5-18", "S-1-5-19", "S-1-5-20",
    };

    private static readonly HashSet<string> BuiltInNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "system", "local system", "localsystem", "local service", "network service", "anonymous logon", "nt authority\\system",
    };

    /// <summary>
    /// Creates an account. A UPN is taken only when it is complete (<c>name@suffix</c>); <paramref name="name"/> and
    /// <paramref name="upnSuffix"/> form one only when both exist.
    /// </summary>
    public static AccountEntity? Account(string? objectId = null, string? upn = null, string? sid = null,
        string? name = null, string? ntDomain = null, string? upnSuffix = null, string? displayName = null,
        EntityRole? role = null)
    {
        objectId = Guid.TryParse(objectId, out var oid) ? oid.ToString() : null;
        sid = sid is not null && sid.StartsWith("S-", StringComparison.OrdinalIgnoreCase) ? sid.ToUpperInvariant() : null;

        upn = IsCompleteUpn(upn) ? upn : null;
        if (upn is null && name is not null && upnSuffix is not null && !name.Contains('@', StringComparison.Ordinal))
        {
            upn = name + "@" + upnSuffix;
        }

        if (upn is not null)
        {
            upnSuffix ??= upn[(upn.IndexOf('@', StringComparison.Ordinal) + 1)..];
            name ??= upn[..upn.IndexOf('@', StringComparison.Ordinal)];
        }

        if (objectId is null && upn is null && sid is null && name is null && displayName is null)
        {
            return null;
        }

        var isBuiltIn = (sid is not null && (BuiltInSids.Contains(sid) || sid.StartsWith("S-1-5-32-", StringComparison.Ordinal)))
            || (name is not null && BuiltInNames.Contains(name));

        return new AccountEntity
        {
            ObjectId = objectId,
            Upn = upn,
            Sid = sid,
            Name = name,
            NtDomain = ntDomain,
            UpnSuffix = upnSuffix,
            DisplayName = displayName,
            IsBuiltIn = isBuiltIn,
            Role = role,
        };
    }

    /// <summary>
    /// Creates a host. A host name with dots is an FQDN; the short name is its first label. A DNS domain
    /// completes a short name into an FQDN.
    /// </summary>
    public static HostEntity? Host(string? hostName = null, string? fqdn = null, string? dnsDomain = null,
        string? defenderDeviceId = null, string? azureAdDeviceId = null, string? azureResourceId = null,
        string? osFamily = null, string? osVersion = null, EntityRole? role = null)
    {
        if (hostName is not null && hostName.Contains('.', StringComparison.Ordinal) && !IsIpLike(hostName))
        {
            fqdn ??= hostName;
            hostName = hostName[..hostName.IndexOf('.', StringComparison.Ordinal)];
        }

        if (fqdn is null && hostName is not null && dnsDomain is not null)
        {
            fqdn = hostName + "." + dnsDomain;
        }

        if (hostName is null && fqdn is not null)
        {
            hostName = fqdn.Split('.')[0];
        }

        defenderDeviceId = IsHex(defenderDeviceId, 40) ? defenderDeviceId!.ToLowerInvariant() : null;
        azureAdDeviceId = Guid.TryParse(azureAdDeviceId, out var aad) && aad != Guid.Empty ? aad.ToString() : null;

        if (hostName is null && fqdn is null && defenderDeviceId is null && azureAdDeviceId is null && azureResourceId is null)
        {
            return null;
        }

        return new HostEntity
        {
            HostName = hostName,
            Fqdn = fqdn?.ToLowerInvariant(),
            DefenderDeviceId = defenderDeviceId,
            AzureAdDeviceId = azureAdDeviceId,
            AzureResourceId = azureResourceId,
            OsFamily = osFamily,
            OsVersion = osVersion,
            Role = role,
        };
    }

    /// <summary>Creates an IP entity, or returns null when <paramref name="text"/> is not an IP address.</summary>
    public static IpEntity? Ip(string? text, EntityRole? role = null)
    {
        if (!IpAddressNormalizer.TryNormalize(text, out var address) || address is null)
        {
            return null;
        }

        return new IpEntity { Address = address.ToString(), IsPrivate = IpAddressNormalizer.IsPrivate(address), Role = role };
    }

    /// <summary>Creates a file entity; hashes are kept only when they have the right length and are hexadecimal.</summary>
    public static FileEntity? File(string? name = null, string? path = null, string? sha1 = null, string? sha256 = null,
        string? md5 = null, EntityRole? role = null)
    {
        sha1 = IsHex(sha1, 40) ? sha1!.ToLowerInvariant() : null;
        sha256 = IsHex(sha256, 64) ? sha256!.ToLowerInvariant() : null;
        md5 = IsHex(md5, 32) ? md5!.ToLowerInvariant() : null;

        if (name is null && path is null && sha1 is null && sha256 is null && md5 is null)
        {
            return null;
        }

        return new FileEntity { Name = name, Path = path, Sha1 = sha1, Sha256 = sha256, Md5 = md5, Role = role };
    }

    /// <summary>Maps provider role words (Graph evidence <c>roles</c>, Sentinel entity roles) onto <see cref="EntityRole"/>.</summary>
    public static EntityRole? Role(string? text) => text?.ToLowerInvariant() switch
    {
        "impacted" or "compromised" or "attacked" or "victim" or "destination" => EntityRole.Impacted,
        "attacker" or "commandandcontrol" => EntityRole.Attacker,
        "related" or "contextual" or "source" or "added" or "created" or "edited" or "loaded" or "scanned"
            or "suspicious" or "policyviolator" => EntityRole.Related,
        _ => null,
    };

    private static bool IsCompleteUpn(string? upn)
    {
        if (upn is null)
        {
            return false;
        }

        var at = upn.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < upn.Length - 1 && upn.IndexOf(' ', StringComparison.Ordinal) < 0;
    }

    private static bool IsIpLike(string text) => IpAddressNormalizer.TryNormalize(text, out _);

    private static bool IsHex(string? text, int length)
    {
        if (text is null || text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
