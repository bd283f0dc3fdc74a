namespace AiSoc.Core.Tuning.Proposals;

/// <summary>
/// ATT&amp;CK techniques that are rare and high impact, so a detector for them is expected to stay silent for long
/// periods and is never proposed for disabling or a lower severity. A parent id also covers its sub-techniques.
/// </summary>
public static class RareTechniques
{
    /// <summary>The default list, documented in docs/tuning.md.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "T1003.001", // OS credential dumping: LSASS memory
        "T1003.006", // DCSync
        "T1558",     // Steal or forge Kerberos tickets (golden, silver, Kerberoasting)
        "T1606.002", // Forge web credentials: SAML tokens
        "T1484",     // Domain or tenant policy modification
        "T1486",     // Data encrypted for impact (ransomware)
        "T1490",     // Inhibit system recovery
        "T1098",     // Account manipulation
        "T1649",     // Steal or forge authentication certificates
    ];

    /// <summary>True when <paramref name="technique"/> equals a listed id or is a sub-technique of one.</summary>
    public static bool Matches(string technique, IEnumerable<string> rare) =>
        rare.Any(id => technique.Equals(id, StringComparison.OrdinalIgnoreCase)
            || technique.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase));
}
