namespace AiSoc.Core.Scoring;

/// <summary>What correlation found about the other alerts in the same incident as one alert.</summary>
/// <param name="CorrelatedAlertCount">Number of other alerts in the incident.</param>
/// <param name="CorrelatedProductCount">Number of distinct source products among those other alerts.</param>
/// <param name="HasOtherProduct">True when at least one of the other alerts comes from a different product than this alert.</param>
/// <param name="AnyCorrelatedHighSeverity">True when at least one of the other alerts has high severity.</param>
/// <param name="FurthestIncidentTactic">The latest ATT&amp;CK tactic in kill-chain order across the whole incident, or null.</param>
public sealed record AlertContext(
    int CorrelatedAlertCount,
    int CorrelatedProductCount,
    bool HasOtherProduct,
    bool AnyCorrelatedHighSeverity,
    string? FurthestIncidentTactic)
{
    /// <summary>The context of an alert that nothing else correlates with.</summary>
    public static AlertContext None { get; } = new(0, 0, false, false, null);
}
