using System.Text.RegularExpressions;

namespace AiSoc.Narratives.Rendering;

/// <summary>
/// Keeps only the recommended steps that stay within the policy's plan. A step that declares an action must match a
/// <see cref="ProposedAction"/> by action type and target. A step that declares none must not name a response action
/// in its text. No step may claim to approve or run anything, because the model can recommend, never approve or execute.
/// </summary>
public static partial class RecommendationFilter
{
    /// <summary>Returns the steps of <paramref name="steps"/> allowed by <paramref name="plan"/>, with the count dropped.</summary>
    public static FilteredRecommendations Filter(IReadOnlyList<RecommendedStep> steps, IReadOnlyList<ProposedAction> plan)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(plan);

        var planned = plan
            .Select(a => Key(a.ActionType, a.Target))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var kept = new List<RecommendedStep>(steps.Count);
        foreach (var step in steps)
        {
            if (IsAllowed(step, planned))
            {
                kept.Add(step);
            }
        }

        return new FilteredRecommendations(kept, steps.Count - kept.Count);
    }

    private static bool IsAllowed(RecommendedStep step, HashSet<string> planned)
    {
        if (ApprovalPattern().IsMatch(step.Text))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(step.ActionType))
        {
            return !ResponseActionPattern().IsMatch(step.Text);
        }

        return planned.Contains(Key(step.ActionType, step.Target));
    }

    private static string Key(string actionType, string? target) =>
        actionType.Trim() + "\n" + (target ?? string.Empty).Trim();

    // Words that claim or ask for approval or execution, which no narrative may do.
    [GeneratedRegex(@"\b(?:approv\w*|execut\w*|authori[sz]\w*|auto-?remediat\w*|run (?:all|the|every) (?:proposed |pending )?actions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ApprovalPattern();

    // Verbs of response actions that change a user, device, mailbox, file or network rule.
    [GeneratedRegex(@"\b(?:isolat\w*|disabl\w*|block\w*|quarantin\w*|delet\w*|purg\w*|wip(?:e|ed|ing)|revok\w*|reset\w*|suspend\w*|contain(?:ment)?|kill\w*|terminat\w*|dismiss\w*|clos(?:e|ed|ing) the (?:incident|alert)s?|allow-?list\w*|whitelist\w*|exclu(?:de|sion)\w*|unblock\w*|restrict\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ResponseActionPattern();
}
