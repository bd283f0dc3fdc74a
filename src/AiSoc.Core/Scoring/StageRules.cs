using System.Collections.Frozen;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Scoring;

/// <summary>Ranks ATT&amp;CK tactics into early, middle and late stages of an attack.</summary>
internal static class StageRules
{
    /// <summary>
    /// Tactics that show an attacker already acting on objectives. Discovery sits between them in the kill chain
    /// but is common in benign administration, so it counts as middle.
    /// </summary>
    private static readonly FrozenSet<string> LateTactics = new[]
    {
        "CredentialAccess", "LateralMovement", "Collection", "CommandAndControl", "Exfiltration", "Impact",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly int InitialAccessStage = AttackIds.StageOf("InitialAccess");

    public static bool IsLate(string tactic) => LateTactics.Contains(tactic);

    /// <summary>Returns the tactic of the alert that weighs most and its points, or null when the alert has no tactics.</summary>
    public static (string Tactic, int Points)? Strongest(IReadOnlyList<string> tactics, ScoringWeights weights)
    {
        (string Tactic, int Points)? best = null;
        foreach (var tactic in tactics)
        {
            var points = PointsOf(tactic, weights);
            if (best is null || points > best.Value.Points
                || (points == best.Value.Points && AttackIds.StageOf(tactic) > AttackIds.StageOf(best.Value.Tactic)))
            {
                best = (tactic, points);
            }
        }

        return best;
    }

    private static int PointsOf(string tactic, ScoringWeights weights)
    {
        if (IsLate(tactic))
        {
            return weights.LateStage;
        }

        var stage = AttackIds.StageOf(tactic);

        // Tactics outside the enterprise kill chain (the ICS tactics) have no stage, so they count as middle.
        return stage >= 0 && stage <= InitialAccessStage ? weights.EarlyStage : weights.MiddleStage;
    }
}
