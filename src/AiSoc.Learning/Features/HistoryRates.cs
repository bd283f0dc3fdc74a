using AiSoc.Learning.Data;

namespace AiSoc.Learning.Features;

/// <summary>Graded incident counts of one detector or organisation, with the share of each grade.</summary>
public readonly record struct HistoryRates(int TruePositive, int BenignPositive, int FalsePositive)
{
    public int Count => TruePositive + BenignPositive + FalsePositive;

    /// <summary>The share of <paramref name="grade"/> among the counted incidents, or 0 when none were counted.</summary>
    public double Rate(IncidentGrade grade)
    {
        if (Count == 0)
        {
            return 0;
        }

        var count = grade switch
        {
            IncidentGrade.TruePositive => TruePositive,
            IncidentGrade.BenignPositive => BenignPositive,
            _ => FalsePositive,
        };
        return (double)count / Count;
    }

    /// <summary>Adds one incident of <paramref name="grade"/>.</summary>
    public HistoryRates With(IncidentGrade grade) => grade switch
    {
        IncidentGrade.TruePositive => this with { TruePositive = TruePositive + 1 },
        IncidentGrade.BenignPositive => this with { BenignPositive = BenignPositive + 1 },
        _ => this with { FalsePositive = FalsePositive + 1 },
    };
}
