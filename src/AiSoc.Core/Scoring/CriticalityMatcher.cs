using System.Collections.Frozen;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>Finds the privileged accounts and critical hosts that an alert touches, matching identifiers without case.</summary>
internal sealed class CriticalityMatcher
{
    private readonly FrozenSet<string> _privilegedAccounts;
    private readonly FrozenSet<string> _criticalHosts;

    public CriticalityMatcher(IEnumerable<string> privilegedAccounts, IEnumerable<string> criticalHosts)
    {
        _privilegedAccounts = Clean(privilegedAccounts);
        _criticalHosts = Clean(criticalHosts);
    }

    /// <summary>Returns the display identifier of each privileged account in the alert, in entity order.</summary>
    public IReadOnlyList<string> PrivilegedAccountsIn(NormalizedAlert alert)
    {
        var matches = new List<string>();
        foreach (var entity in alert.Entities)
        {
            var identifiers = entity switch
            {
                AccountEntity account => new[] { account.Upn, account.ObjectId, account.Sid, account.Name, QualifiedName(account) },
                MailboxEntity mailbox => [mailbox.Upn, mailbox.Address],
                _ => [],
            };

            AddFirstMatch(matches, identifiers, _privilegedAccounts);
        }

        return matches;
    }

    /// <summary>Returns the display identifier of each critical host in the alert, in entity order.</summary>
    public IReadOnlyList<string> CriticalHostsIn(NormalizedAlert alert)
    {
        var matches = new List<string>();
        foreach (var entity in alert.Entities)
        {
            if (entity is HostEntity host)
            {
                AddFirstMatch(matches, [host.Fqdn, host.HostName, host.DefenderDeviceId, host.AzureAdDeviceId], _criticalHosts);
            }
        }

        return matches;
    }

    private static void AddFirstMatch(List<string> matches, string?[] identifiers, FrozenSet<string> list)
    {
        if (list.Count == 0)
        {
            return;
        }

        foreach (var identifier in identifiers)
        {
            if (identifier is not null && list.Contains(identifier))
            {
                // Show the most readable identifier (the first non-null one), not necessarily the one that matched.
                var shown = TextKey.Shown(identifiers.First(i => i is not null)!);
                if (!matches.Contains(shown, StringComparer.OrdinalIgnoreCase))
                {
                    matches.Add(shown);
                }

                return;
            }
        }
    }

    private static string? QualifiedName(AccountEntity account) =>
        account.NtDomain is not null && account.Name is not null ? account.NtDomain + "\\" + account.Name : null;

    private static FrozenSet<string> Clean(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
