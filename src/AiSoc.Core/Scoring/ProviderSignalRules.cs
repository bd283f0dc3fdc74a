using System.Collections.Frozen;

namespace AiSoc.Core.Scoring;

/// <summary>
/// Reads provider classifications and determinations from <c>Extra</c>. A field counts when its name ends in
/// "classification" or "determination" (any case or prefix, such as <c>classification</c> or
/// <c>provider.determination</c>). Values are the classification and determination members of the Graph v1.0
/// security alert, plus the Sentinel incident classification BenignPositive. Unrecognized values and neutral ones
/// such as Unknown or Undetermined are ignored.
/// </summary>
internal static class ProviderSignalRules
{
    private static readonly FrozenDictionary<string, ProviderSignal> SignalsByValue = new Dictionary<string, ProviderSignal>
    {
        ["truepositive"] = new(ProviderSignalKind.Malicious, "TruePositive"),
        ["malware"] = new(ProviderSignalKind.Malicious, "Malware"),
        ["apt"] = new(ProviderSignalKind.Malicious, "APT"),
        ["compromisedaccount"] = new(ProviderSignalKind.Malicious, "CompromisedAccount"),
        ["compromiseduser"] = new(ProviderSignalKind.Malicious, "CompromisedUser"),
        ["phishing"] = new(ProviderSignalKind.Malicious, "Phishing"),
        ["multistagedattack"] = new(ProviderSignalKind.Malicious, "MultiStagedAttack"),
        ["malicioususeractivity"] = new(ProviderSignalKind.Malicious, "MaliciousUserActivity"),
        ["unwantedsoftware"] = new(ProviderSignalKind.Malicious, "UnwantedSoftware"),
        ["benignpositive"] = new(ProviderSignalKind.Benign, "BenignPositive"),
        ["informationalexpectedactivity"] = new(ProviderSignalKind.Benign, "InformationalExpectedActivity"),
        ["notmalicious"] = new(ProviderSignalKind.Benign, "NotMalicious"),
        ["securitytesting"] = new(ProviderSignalKind.Benign, "SecurityTesting"),
        ["securitypersonnel"] = new(ProviderSignalKind.Benign, "SecurityPersonnel"),
        ["lineofbusinessapplication"] = new(ProviderSignalKind.Benign, "LineOfBusinessApplication"),
        ["confirmedactivity"] = new(ProviderSignalKind.Benign, "ConfirmedActivity"),
        ["falsepositive"] = new(ProviderSignalKind.FalsePositive, "FalsePositive"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the recognized signals in field-name order, so reasons come out in a stable order.</summary>
    public static IReadOnlyList<ProviderSignal> Read(IReadOnlyDictionary<string, string> extra)
    {
        if (extra.Count == 0)
        {
            return [];
        }

        var signals = new List<ProviderSignal>();
        foreach (var (name, value) in extra.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var field = TextKey.Letters(name);
            if (!field.EndsWith("classification", StringComparison.Ordinal) && !field.EndsWith("determination", StringComparison.Ordinal))
            {
                continue;
            }

            if (value.Length <= 64 && SignalsByValue.TryGetValue(TextKey.Letters(value), out var signal) && !signals.Contains(signal))
            {
                signals.Add(signal);
            }
        }

        return signals;
    }
}
