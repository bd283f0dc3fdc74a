using AiSoc.Learning.Data;

namespace AiSoc.Learning.Tenant;

/// <summary>Whether a provider verdict is a training label, and why not when it is not.</summary>
public enum LabelOutcome
{
    /// <summary>A person set the classification, so it is a training label.</summary>
    Human,

    /// <summary>No classification, or one that names no grade (Undetermined, unknown).</summary>
    Unlabelled,

    /// <summary>An automation rule, playbook, app identity or AiSoc itself set the classification.</summary>
    Automatic,
}

/// <summary>
/// Decides which provider verdicts count as training labels. Only a verdict a person confirmed is a label, because
/// a model that learns from automatic closures learns to repeat the automation, including its mistakes.
/// </summary>
/// <remarks>
/// A classification is automatic when any of these holds:
/// <list type="number">
/// <item>The last modifier's ARM identity type is Application, ManagedIdentity or Key.</item>
/// <item>The owner or last modifier is <c>Automation</c> (Defender automated investigation), starts with
/// <c>API-App:</c> (an app registration), or contains <c>AiSoc</c>.</item>
/// <item>The owner is empty and the closing comment or a label marks an automatic closure: it contains
/// "automation", "automatic", "auto-closed", "auto closed", "autoclosed", "playbook" or "AiSoc".</item>
/// </list>
/// A person who assigned themselves keeps the label even when their comment mentions automation, because the
/// comment alone is free text. The rule drops a human verdict when an app changed the incident after the person
/// closed it. That costs a label but never adds a wrong one.
/// </remarks>
public static class HumanVerdictRule
{
    private static readonly string[] AutomaticIdentityTypes = ["Application", "ManagedIdentity", "Key"];

    private static readonly string[] ClosureMarkers =
        ["automation", "automatic", "auto-closed", "auto closed", "autoclosed", "playbook", "aisoc"];

    /// <summary>Applies the rule to <paramref name="closure"/>; <paramref name="grade"/> is set only for <see cref="LabelOutcome.Human"/>.</summary>
    public static LabelOutcome Evaluate(VerdictClosure closure, out IncidentGrade grade)
    {
        ArgumentNullException.ThrowIfNull(closure);

        grade = default;
        if (!TenantClassification.TryParse(closure.Classification, out var parsed))
        {
            return LabelOutcome.Unlabelled;
        }

        if (IsAutomatic(closure))
        {
            return LabelOutcome.Automatic;
        }

        grade = parsed;
        return LabelOutcome.Human;
    }

    private static bool IsAutomatic(VerdictClosure closure)
    {
        if (closure.ModifiedByType is { } type && AutomaticIdentityTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (IsAutomationIdentity(closure.Owner) || IsAutomationIdentity(closure.ModifiedBy))
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(closure.Owner))
        {
            return false;
        }

        return HasMarker(closure.Comment) || closure.Tags.Any(HasMarker);
    }

    private static bool IsAutomationIdentity(string? identity) =>
        identity is not null
        && (identity.Trim().Equals("Automation", StringComparison.OrdinalIgnoreCase)
            || identity.TrimStart().StartsWith("API-App:", StringComparison.OrdinalIgnoreCase)
            || identity.Contains("aisoc", StringComparison.OrdinalIgnoreCase));

    private static bool HasMarker(string? text) =>
        text is not null && ClosureMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
