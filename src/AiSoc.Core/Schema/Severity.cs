using System.Text.Json.Serialization;

namespace AiSoc.Core.Schema;

/// <summary>Alert severity on one scale for every source.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("unknown")] Unknown = 0,
    [JsonStringEnumMemberName("informational")] Informational = 1,
    [JsonStringEnumMemberName("low")] Low = 2,
    [JsonStringEnumMemberName("medium")] Medium = 3,
    [JsonStringEnumMemberName("high")] High = 4,
}

/// <summary>Maps provider severity strings onto <see cref="Severity"/>.</summary>
public static class SeverityParser
{
    /// <summary>
    /// Parses a provider severity. Defender for Cloud and Sentinel use "Informational", Graph uses lower case,
    /// Entra uses risk levels ("hidden" and "none" carry no severity), and some exports use numbers 0 to 4.
    /// </summary>
    public static Severity Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Severity.Unknown;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "high" or "critical" or "4" => Severity.High,
            "medium" or "moderate" or "3" => Severity.Medium,
            "low" or "2" => Severity.Low,
            "informational" or "information" or "info" or "1" => Severity.Informational,
            _ => Severity.Unknown,
        };
    }
}
