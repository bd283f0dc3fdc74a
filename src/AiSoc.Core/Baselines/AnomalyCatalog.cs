using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>How each anomaly kind appears as an alert: detector id, title, severity and ATT&amp;CK mapping.</summary>
public static class AnomalyCatalog
{
    private static readonly Dictionary<AnomalyKind, AnomalyDescription> Descriptions = new()
    {
        [AnomalyKind.SignInNewCountry] = new("signin-new-country", "Sign-in from a new country", Severity.Medium, ["T1078"], ["InitialAccess"]),
        [AnomalyKind.SignInNewAsn] = new("signin-new-asn", "Sign-in from a new network (ASN)", Severity.Low, ["T1078"], ["InitialAccess"]),
        [AnomalyKind.SignInNewDevice] = new("signin-new-device", "Sign-in from a new device type", Severity.Low, [], []),
        [AnomalyKind.SignInNewClientApp] = new("signin-new-client-app", "Sign-in with a new client app", Severity.Low, [], []),
        [AnomalyKind.ImpossibleTravel] = new("signin-impossible-travel", "Impossible travel between sign-ins", Severity.Medium, ["T1078"], ["InitialAccess"]),
        [AnomalyKind.SignInUnusualHour] = new("signin-unusual-hour", "Sign-in at an unusual hour", Severity.Low, [], []),
        [AnomalyKind.FailureBurstThenSuccess] = new("signin-failures-then-success", "Successful sign-in after a burst of failures", Severity.High, ["T1110"], ["CredentialAccess"]),
        [AnomalyKind.PasswordSpray] = new("signin-password-spray", "Password spray from one IP address", Severity.Medium, ["T1110.003"], ["CredentialAccess"]),
        [AnomalyKind.LogonNewSource] = new("logon-new-source", "Windows logon from a new source", Severity.Low, ["T1078"], ["LateralMovement"]),
        [AnomalyKind.LogonRareType] = new("logon-rare-type", "Windows logon with a rare logon type", Severity.Low, [], []),
        [AnomalyKind.ProcessRarePair] = new("process-rare-pair", "Rare parent and child process pair", Severity.Low, [], []),
    };

    /// <summary>Returns the alert description of <paramref name="kind"/>.</summary>
    public static AnomalyDescription Describe(AnomalyKind kind) => Descriptions[kind];
}

/// <summary>The fixed alert fields of one anomaly kind.</summary>
/// <param name="DetectorId">The alert's <see cref="NormalizedAlert.DetectorId"/>, the same text as the kind's JSON name.</param>
public sealed record AnomalyDescription(string DetectorId, string Title, Severity Severity, IReadOnlyList<string> Techniques, IReadOnlyList<string> Tactics);
