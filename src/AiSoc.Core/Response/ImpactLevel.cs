using System.Text.Json.Serialization;

namespace AiSoc.Core.Response;

/// <summary>How much an action disrupts users or systems, in increasing order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImpactLevel>))]
public enum ImpactLevel
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("high")] High,
}
