using System.Text.Json.Serialization;

namespace AiSoc.Core.Schema;

/// <summary>Triage outcome of an alert.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("benign")] Benign,
    [JsonStringEnumMemberName("suspicious")] Suspicious,
    [JsonStringEnumMemberName("malicious")] Malicious,

    /// <summary>The alert has no usable entities; it must never be closed as benign.</summary>
    [JsonStringEnumMemberName("needs-context")] NeedsContext,
}
