using AiSoc.Learning.Data;

namespace AiSoc.Learning.Evaluation;

/// <summary>
/// The rules-only baseline. A Malicious last verdict or an Incriminated entity gives TruePositive, and a
/// NoThreatsFound last verdict gives FalsePositive. Otherwise a late-stage category (credential access, lateral
/// movement, collection, command and control, exfiltration, impact) gives TruePositive and anything else BenignPositive.
/// </summary>
public static class GuideRules
{
    private static readonly HashSet<string> LateStageCategories = new(StringComparer.Ordinal)
    {
        "CredentialAccess", "LateralMovement", "Collection", "CommandAndControl", "Exfiltration", "Impact",
    };

    public static IncidentGrade Predict(TriageAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);

        if (alert.LastVerdictMaliciousCount > 0 || alert.IncriminatedCount > 0)
        {
            return IncidentGrade.TruePositive;
        }

        if (alert.LastVerdictNoThreatsFoundCount > 0)
        {
            return IncidentGrade.FalsePositive;
        }

        return LateStageCategories.Contains(alert.Category) ? IncidentGrade.TruePositive : IncidentGrade.BenignPositive;
    }
}
