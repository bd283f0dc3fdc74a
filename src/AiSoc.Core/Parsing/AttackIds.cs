using System.Collections.Frozen;

namespace AiSoc.Core.Parsing;

/// <summary>Validates and canonicalizes MITRE ATT&amp;CK technique ids and tactic names.</summary>
public static class AttackIds
{
    private static readonly FrozenDictionary<string, string> TacticsByKey = new[]
    {
        "Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution", "Persistence", "PrivilegeEscalation",
        "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement", "Collection", "CommandAndControl",
        "Exfiltration", "Impact", "PreAttack", "ImpairProcessControl", "InhibitResponseFunction",
    }.ToFrozenDictionary(Key, t => t, StringComparer.Ordinal);

    /// <summary>The ATT&amp;CK order of tactics, used to rank how far an attack has progressed.</summary>
    public static IReadOnlyList<string> KillChainOrder { get; } =
    [
        "Reconnaissance", "ResourceDevelopment", "PreAttack", "InitialAccess", "Execution", "Persistence",
        "PrivilegeEscalation", "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement", "Collection",
        "CommandAndControl", "Exfiltration", "Impact",
    ];

    /// <summary>
    /// Canonicalizes a technique id such as "t1566.001" to "T1566.001". Returns false for anything that is not
    /// T followed by four digits and an optional dot and three digits.
    /// </summary>
    public static bool TryNormalizeTechnique(string? text, out string technique)
    {
        technique = string.Empty;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var isBase = span.Length == 5;
        var isSub = span.Length == 9 && span[5] == '.' && AllDigits(span[6..9]);
        if (!(isBase || isSub) || (span[0] != 'T' && span[0] != 't') || !AllDigits(span[1..5]))
        {
            return false;
        }

        technique = "T" + span[1..].ToString();
        return true;
    }

    /// <summary>
    /// Canonicalizes a tactic name written in any of the providers' spellings ("Credential Access",
    /// "credentialAccess", "credential-access") to the PascalCase name Sentinel uses.
    /// </summary>
    public static bool TryNormalizeTactic(string? text, out string tactic)
    {
        tactic = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        if (!TacticsByKey.TryGetValue(Key(text), out var canonical))
        {
            return false;
        }

        tactic = canonical;
        return true;
    }

    /// <summary>Returns the kill-chain position of a canonical tactic, or -1 when it has none.</summary>
    public static int StageOf(string tactic)
    {
        for (var i = 0; i < KillChainOrder.Count; i++)
        {
            if (KillChainOrder[i] == tactic)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Key(string text)
    {
        Span<char> buffer = stackalloc char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
