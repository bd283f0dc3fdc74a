namespace AiSoc.Core.Normalizers.EntraIdProtection;

/// <summary>
/// Display names and ATT&amp;CK mappings of Entra ID Protection risk event types (the <c>riskEventType</c> values
/// of the Graph <c>riskDetection</c> resource).
/// </summary>
internal static class RiskEventTypes
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["adminConfirmedUserCompromised"] = "Admin confirmed user compromised",
        ["anomalousToken"] = "Anomalous token",
        ["anomalousUserActivity"] = "Anomalous user activity",
        ["anonymizedIPAddress"] = "Anonymous IP address",
        ["attemptedPrtAccess"] = "Possible attempt to access Primary Refresh Token (PRT)",
        ["generic"] = "Additional risk detected",
        ["impossibleTravel"] = "Impossible travel",
        ["mcasImpossibleTravel"] = "Impossible travel",
        ["investigationsThreatIntelligence"] = "Microsoft Entra threat intelligence",
        ["leakedCredentials"] = "Leaked credentials",
        ["maliciousIPAddress"] = "Malicious IP address",
        ["malwareInfectedIPAddress"] = "Malware linked IP address",
        ["mcasSuspiciousInboxManipulationRules"] = "Suspicious inbox manipulation rules",
        ["newCountry"] = "New country",
        ["passwordSpray"] = "Password spray",
        ["suspiciousAPITraffic"] = "Suspicious API traffic",
        ["suspiciousBrowser"] = "Suspicious browser",
        ["suspiciousInboxForwarding"] = "Suspicious inbox forwarding",
        ["suspiciousSendingPatterns"] = "Suspicious sending patterns",
        ["tokenIssuerAnomaly"] = "Token issuer anomaly",
        ["unfamiliarFeatures"] = "Unfamiliar sign-in properties",
        ["unlikelyTravel"] = "Atypical travel",
        ["userReportedSuspiciousActivity"] = "User reported suspicious activity",
    };

    // The ATT&CK technique each detection is evidence of, with the tactic it serves:
    // - anonymizedIPAddress: sign-in through Tor or an anonymizing VPN, T1090.003 Multi-hop Proxy.
    // - unfamiliarFeatures, impossibleTravel, unlikelyTravel, maliciousIPAddress: a sign-in with the user's own
    //   credentials from an unexpected place, T1078 Valid Accounts used for initial access.
    // - passwordSpray: T1110.003 Password Spraying.
    // - leakedCredentials: the password was found in a breach dump, which is the adversary gathering
    //   credentials (T1589.001), not yet using them, so it is mapped to reconnaissance and not to T1078.
    // - tokenIssuerAnomaly: a SAML token from an unusual issuer, T1606.002 Forge Web Credentials: SAML Tokens.
    // - anomalousToken: a token with unusual characteristics such as a replayed token, T1550.001 Application
    //   Access Token.
    // - suspiciousInboxForwarding, mcasSuspiciousInboxManipulationRules: T1114.003 Email Forwarding Rule.
    // Types without an entry get no technique, because the detection does not say which technique was used.
    private static readonly Dictionary<string, (string Technique, string Tactics)> Attack = new(StringComparer.OrdinalIgnoreCase)
    {
        ["anonymizedIPAddress"] = ("T1090.003", "CommandAndControl"),
        ["unfamiliarFeatures"] = ("T1078", "InitialAccess"),
        ["impossibleTravel"] = ("T1078", "InitialAccess"),
        ["mcasImpossibleTravel"] = ("T1078", "InitialAccess"),
        ["unlikelyTravel"] = ("T1078", "InitialAccess"),
        ["maliciousIPAddress"] = ("T1078", "InitialAccess"),
        ["passwordSpray"] = ("T1110.003", "CredentialAccess"),
        ["leakedCredentials"] = ("T1589.001", "Reconnaissance"),
        ["tokenIssuerAnomaly"] = ("T1606.002", "CredentialAccess"),
        ["anomalousToken"] = ("T1550.001", "DefenseEvasion,LateralMovement"),
        ["suspiciousInboxForwarding"] = ("T1114.003", "Collection"),
        ["mcasSuspiciousInboxManipulationRules"] = ("T1114.003", "Collection"),
    };

    /// <summary>Returns the display name of a risk event type, or the raw type when it is not a known one.</summary>
    public static string Title(string riskEventType) =>
        Titles.TryGetValue(riskEventType, out var title) ? title : riskEventType;

    /// <summary>Returns the ATT&amp;CK technique and comma-separated tactics of a risk event type, when it has a mapping.</summary>
    public static bool TryGetAttack(string riskEventType, out string technique, out string tactics)
    {
        if (Attack.TryGetValue(riskEventType, out var mapping))
        {
            (technique, tactics) = mapping;
            return true;
        }

        technique = tactics = string.Empty;
        return false;
    }
}
