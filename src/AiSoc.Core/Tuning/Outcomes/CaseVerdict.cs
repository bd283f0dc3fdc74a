using System.Text.Json.Serialization;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Final classification of a case, on the Sentinel scale.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseVerdict>))]
public enum CaseVerdict
{
    /// <summary>No classification, or Sentinel's Undetermined.</summary>
    Unknown,
    TruePositive,

    /// <summary>The detection fired correctly on activity that is expected, such as an approved test.</summary>
    BenignPositive,
    FalsePositive,
}
