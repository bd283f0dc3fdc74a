namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Maps provider classification names onto <see cref="CaseVerdict"/>.</summary>
public static class CaseVerdicts
{
    /// <summary>
    /// Parses a Sentinel classification (TruePositive, BenignPositive, FalsePositive, Undetermined) or a Graph
    /// security classification (truePositive, informationalExpectedActivity, falsePositive). Returns false for any
    /// other non-empty text.
    /// </summary>
    public static bool TryParse(string? text, out CaseVerdict verdict)
    {
        verdict = CaseVerdict.Unknown;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUEPOSITIVE":
                verdict = CaseVerdict.TruePositive;
                return true;
            case "BENIGNPOSITIVE" or "INFORMATIONALEXPECTEDACTIVITY":
                verdict = CaseVerdict.BenignPositive;
                return true;
            case "FALSEPOSITIVE":
                verdict = CaseVerdict.FalsePositive;
                return true;
            case "UNDETERMINED" or "UNKNOWN" or "UNKNOWNFUTUREVALUE":
                return true;
            default:
                return false;
        }
    }
}
