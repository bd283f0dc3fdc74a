using System.Text.Json.Serialization;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Who set a case's final verdict. Only human verdicts are used as labels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictSource>))]
public enum VerdictSource
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("human")] Human,
    [JsonStringEnumMemberName("automation")] Automation,
}
