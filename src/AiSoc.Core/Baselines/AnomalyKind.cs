using System.Text.Json.Serialization;

namespace AiSoc.Core.Baselines;

/// <summary>The kinds of behavioral anomaly; each is one detector id in the alerts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnomalyKind>))]
public enum AnomalyKind
{
    [JsonStringEnumMemberName("signin-new-country")] SignInNewCountry,
    [JsonStringEnumMemberName("signin-new-asn")] SignInNewAsn,
    [JsonStringEnumMemberName("signin-new-device")] SignInNewDevice,
    [JsonStringEnumMemberName("signin-new-client-app")] SignInNewClientApp,
    [JsonStringEnumMemberName("signin-impossible-travel")] ImpossibleTravel,
    [JsonStringEnumMemberName("signin-unusual-hour")] SignInUnusualHour,
    [JsonStringEnumMemberName("signin-failures-then-success")] FailureBurstThenSuccess,
    [JsonStringEnumMemberName("signin-password-spray")] PasswordSpray,
    [JsonStringEnumMemberName("logon-new-source")] LogonNewSource,
    [JsonStringEnumMemberName("logon-rare-type")] LogonRareType,
    [JsonStringEnumMemberName("process-rare-pair")] ProcessRarePair,
}
