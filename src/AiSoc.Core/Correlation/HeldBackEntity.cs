using System.Text.Json.Serialization;

namespace AiSoc.Core.Correlation;

/// <summary>Why a correlation key did not link alerts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoldBackReason>))]
public enum HoldBackReason
{
    /// <summary>The key appeared in more alerts than the prevalence limit.</summary>
    [JsonStringEnumMemberName("prevalence")] Prevalence,

    /// <summary>The value is on the configured ignore list.</summary>
    [JsonStringEnumMemberName("ignore-list")] IgnoreList,

    /// <summary>A weak key (short host name, SID, SHA-1, private IP) appeared with two different strong identifiers of the same type.</summary>
    [JsonStringEnumMemberName("ambiguous")] Ambiguous,

    /// <summary>Linking through the key would have made an incident larger than the maximum size.</summary>
    [JsonStringEnumMemberName("max-incident-size")] MaxIncidentSize,
}

/// <summary>A correlation key of an incident's alerts that was kept from linking, with the reason.</summary>
/// <param name="Key">The key, such as <c>ip:10.0.0.1</c>.</param>
/// <param name="Reason">Why the key did not link.</param>
/// <param name="Detail">The numbers behind the reason, such as "seen in 812 alerts, limit 50".</param>
public sealed record HeldBackEntity(string Key, HoldBackReason Reason, string Detail);
