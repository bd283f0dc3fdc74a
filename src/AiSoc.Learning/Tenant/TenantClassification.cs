using AiSoc.Learning.Data;

namespace AiSoc.Learning.Tenant;

/// <summary>Maps provider classification values to <see cref="IncidentGrade"/>.</summary>
public static class TenantClassification
{
    /// <summary>
    /// Parses a classification, ignoring case: TruePositive; BenignPositive or InformationalExpectedActivity (Graph
    /// and Defender for Endpoint) as BenignPositive; FalsePositive. Returns false for Undetermined, unknown,
    /// unknownFutureValue, an empty value and anything else.
    /// </summary>
    public static bool TryParse(string? text, out IncidentGrade grade)
    {
        grade = default;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TRUEPOSITIVE":
                grade = IncidentGrade.TruePositive;
                return true;
            case "BENIGNPOSITIVE" or "INFORMATIONALEXPECTEDACTIVITY":
                grade = IncidentGrade.BenignPositive;
                return true;
            case "FALSEPOSITIVE":
                grade = IncidentGrade.FalsePositive;
                return true;
            default:
                return false;
        }
    }
}
