using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>
/// Decides whether an alert names anything an analyst can investigate. An entity is usable when it yields a
/// correlation key other than a private IP. Such entities are resolved accounts, hosts, public IPs, file hashes,
/// URLs, domains, mailboxes, mail messages, cloud application ids and Azure resources. These are not usable on their own:
/// built-in accounts such as SYSTEM (no keys), accounts with only a name or display name (no identifier), private
/// IPs (NAT, DHCP and overlapping address spaces make them ambiguous without a host), and processes, registry
/// keys and malware names (they say what ran, not where).
/// </summary>
internal static class EntityUsability
{
    public static bool HasUsableEntity(NormalizedAlert alert)
    {
        foreach (var entity in alert.Entities)
        {
            if (IsUsable(entity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every entity is a built-in account or a private IP, and there is at least one.</summary>
    public static bool IsBuiltInOnly(NormalizedAlert alert)
    {
        if (alert.Entities.Count == 0)
        {
            return false;
        }

        foreach (var entity in alert.Entities)
        {
            if (entity is not (AccountEntity { IsBuiltIn: true } or IpEntity { IsPrivate: true }))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Explains why an alert needs context, counting the unusable entities by kind.</summary>
    public static string DescribeMissingContext(NormalizedAlert alert)
    {
        if (alert.Entities.Count == 0)
        {
            return "Needs context: the alert has no entities, so nothing identifies the user, device or file involved";
        }

        var builtIn = alert.Entities.Count(e => e is AccountEntity { IsBuiltIn: true });
        var unresolved = alert.Entities.Count(e => e is AccountEntity { IsBuiltIn: false, IsResolved: false });
        var privateIps = alert.Entities.Count(e => e is IpEntity { IsPrivate: true });
        var other = alert.Entities.Count - builtIn - unresolved - privateIps;

        var parts = new List<string>();
        AddCount(parts, builtIn, "built-in account", "built-in accounts");
        AddCount(parts, unresolved, "account without an identifier", "accounts without an identifier");
        AddCount(parts, privateIps, "private IP", "private IPs");
        AddCount(parts, other, "entity without an identifier (process, registry or malware name)", "entities without an identifier (process, registry or malware name)");

        return "Needs context: no entity identifies the user, device or file involved (only " + string.Join(", ", parts) + ")";
    }

    private static bool IsUsable(Entity entity)
    {
        if (entity is IpEntity { IsPrivate: true })
        {
            return false;
        }

        return entity.GetKeys().Any();
    }

    private static void AddCount(List<string> parts, int count, string singular, string plural)
    {
        if (count > 0)
        {
            parts.Add(count == 1 ? "1 " + singular : $"{count} {plural}");
        }
    }
}
