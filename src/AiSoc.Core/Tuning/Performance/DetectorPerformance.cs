using AiSoc.Core.Schema;

namespace AiSoc.Core.Tuning.Performance;

/// <summary>
/// How one detector performed against human verdicts. Rates use human-labelled alerts only; automation verdicts
/// are counted in <see cref="AutomationVerdicts"/> and nowhere else.
/// </summary>
public sealed record DetectorPerformance
{
    public required string DetectorId { get; init; }

    public int Alerts { get; init; }

    public int TruePositives { get; init; }

    public int BenignPositives { get; init; }

    public int FalsePositives { get; init; }

    /// <summary>Alerts with a TruePositive, BenignPositive or FalsePositive verdict set by a human.</summary>
    public int HumanLabelled => TruePositives + BenignPositives + FalsePositives;

    /// <summary>Alerts with a known verdict set by automation, kept out of every rate.</summary>
    public int AutomationVerdicts { get; init; }

    public double? Precision => Ratio(TruePositives, HumanLabelled);

    /// <summary>False positives over human-labelled alerts.</summary>
    public double? FalsePositiveRate => Ratio(FalsePositives, HumanLabelled);

    /// <summary>Benign and false positives over human-labelled alerts.</summary>
    public double? BenignShare => Ratio(BenignPositives + FalsePositives, HumanLabelled);

    /// <summary>Mean time from creation to first look, over alerts with a triage time.</summary>
    public TimeSpan? MeanTimeToTriage { get; init; }

    public double AutoClosedShare { get; init; }

    public double EscalatedShare { get; init; }

    /// <summary>The severity most of the detector's alerts had, ties going to the higher severity.</summary>
    public Severity TypicalSeverity { get; init; }

    /// <summary>ATT&amp;CK techniques on any of the detector's alerts.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];

    public IReadOnlyList<WeeklyTrendPoint> Trend { get; init; } = [];

    internal static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
