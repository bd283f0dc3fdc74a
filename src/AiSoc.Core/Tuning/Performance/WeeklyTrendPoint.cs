namespace AiSoc.Core.Tuning.Performance;

/// <summary>One detector's alerts created in one ISO week, starting on Monday UTC.</summary>
public sealed record WeeklyTrendPoint(DateOnly WeekStart, int Alerts, int HumanLabelled, int TruePositives)
{
    /// <summary>True positives over human-labelled alerts; null when none were labelled.</summary>
    public double? Precision => HumanLabelled == 0 ? null : (double)TruePositives / HumanLabelled;
}
