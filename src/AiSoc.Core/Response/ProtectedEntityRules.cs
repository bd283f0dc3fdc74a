using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

// Decides whether a target is protected from automatic containment, and why.
internal static class ProtectedEntityRules
{
    public static string? ProtectionReason(Entity? entity, ResponsePolicyOptions options) => entity switch
    {
        AccountEntity account => AccountReason(account, options),
        MailboxEntity mailbox => AnyListed(options, mailbox.Upn, mailbox.Address),
        HostEntity host when IsListed(options.DomainControllers, host.HostName, host.Fqdn, host.DefenderDeviceId, host.AzureAdDeviceId) =>
            "target is a domain controller",
        _ => null,
    };

    private static string? AccountReason(AccountEntity account, ResponsePolicyOptions options)
    {
        if (account.IsBuiltIn)
        {
            return "target is a built-in principal";
        }

        return AnyListed(options, account.Upn, account.ObjectId);
    }

    private static string? AnyListed(ResponsePolicyOptions options, params string?[] ids)
    {
        if (IsListed(options.BreakGlassAccounts, ids))
        {
            return "target is a break-glass account";
        }

        if (IsListed(options.PrivilegedRoleHolders, ids))
        {
            return "target holds a privileged role";
        }

        if (IsListed(options.VipAccounts, ids))
        {
            return "target is a tagged VIP";
        }

        return null;
    }

    private static bool IsListed(IList<string> list, params string?[] ids) =>
        ids.Any(id => id is not null && list.Contains(id, StringComparer.OrdinalIgnoreCase));
}
