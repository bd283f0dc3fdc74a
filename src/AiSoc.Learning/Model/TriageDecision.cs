using AiSoc.Learning.Data;

namespace AiSoc.Learning.Model;

/// <summary>What triage does with an alert after the thresholds are applied.</summary>
public enum TriageDecision
{
    /// <summary>Closed as benign without a human.</summary>
    AutoClose,

    /// <summary>Low confidence: sent to a human as suspicious.</summary>
    Escalate,

    /// <summary>Confident true positive: sent to a human as malicious.</summary>
    Malicious,
}

/// <summary>Normalized class probabilities of one alert, in <see cref="IncidentGrades.All"/> order, with the argmax class.</summary>
public sealed record GradePrediction(IncidentGrade Predicted, double TruePositive, double BenignPositive, double FalsePositive)
{
    /// <summary>Probability that the alert is benign in either sense (BenignPositive or FalsePositive).</summary>
    public double Benign => BenignPositive + FalsePositive;

    public double ProbabilityOf(IncidentGrade grade) => grade switch
    {
        IncidentGrade.TruePositive => TruePositive,
        IncidentGrade.BenignPositive => BenignPositive,
        _ => FalsePositive,
    };

    /// <summary>Normalizes three calibrated one-versus-rest probabilities so they sum to 1 and picks the largest.</summary>
    public static GradePrediction FromCalibrated(float truePositive, float benignPositive, float falsePositive)
    {
        var sum = (double)truePositive + benignPositive + falsePositive;
        if (sum <= 0 || double.IsNaN(sum))
        {
            return new GradePrediction(IncidentGrade.BenignPositive, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        }

        var tp = truePositive / sum;
        var bp = benignPositive / sum;
        var fp = falsePositive / sum;
        var predicted = tp >= bp && tp >= fp ? IncidentGrade.TruePositive
            : bp >= fp ? IncidentGrade.BenignPositive
            : IncidentGrade.FalsePositive;
        return new GradePrediction(predicted, tp, bp, fp);
    }

    /// <summary>Applies <paramref name="thresholds"/>.</summary>
    public TriageDecision Decide(TriageThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);

        if (Predicted == IncidentGrade.TruePositive)
        {
            return TruePositive >= thresholds.MaliciousTruePositive ? TriageDecision.Malicious : TriageDecision.Escalate;
        }

        return Benign > thresholds.AutoCloseBenign ? TriageDecision.AutoClose : TriageDecision.Escalate;
    }
}
