using AiSoc.Learning.Data;

namespace AiSoc.Learning.Model;

/// <summary>Chooses <see cref="TriageThresholds"/> from predictions on labelled data that the model was not trained on.</summary>
public static class ThresholdSelector
{
    /// <summary>
    /// Picks the lowest auto-close threshold that lets at most <paramref name="maxMissedTruePositiveRate"/> of the
    /// true positives be auto-closed, and the lowest malicious threshold whose TruePositive precision reaches
    /// <paramref name="minTruePositivePrecision"/>. With no usable threshold, nothing is auto-closed or called malicious.
    /// </summary>
    public static TriageThresholds Select(
        IReadOnlyList<(GradePrediction Prediction, IncidentGrade Actual)> validation,
        double maxMissedTruePositiveRate,
        double minTruePositivePrecision)
    {
        ArgumentNullException.ThrowIfNull(validation);

        var autoClose = SelectAutoClose(validation, maxMissedTruePositiveRate);
        var malicious = SelectMalicious(validation, minTruePositivePrecision);
        return new TriageThresholds(autoClose, malicious, maxMissedTruePositiveRate, minTruePositivePrecision);
    }

    private static double SelectAutoClose(IReadOnlyList<(GradePrediction Prediction, IncidentGrade Actual)> validation, double maxMissedRate)
    {
        // Only true positives predicted benign can be auto-closed, so only their benign probabilities matter.
        var truePositiveCount = validation.Count(item => item.Actual == IncidentGrade.TruePositive);
        var closable = validation
            .Where(item => item.Actual == IncidentGrade.TruePositive && item.Prediction.Predicted != IncidentGrade.TruePositive)
            .Select(item => item.Prediction.Benign)
            .OrderDescending()
            .ToArray();

        if (truePositiveCount == 0)
        {
            return 1.0;
        }

        var allowed = (int)Math.Floor(maxMissedRate * truePositiveCount);
        if (allowed >= closable.Length)
        {
            return 0.5;
        }

        // Closing needs a benign probability above the threshold, so the (allowed+1)-th largest blocks itself and all below.
        return Math.Max(0.5, closable[allowed]);
    }

    private static double SelectMalicious(IReadOnlyList<(GradePrediction Prediction, IncidentGrade Actual)> validation, double minPrecision)
    {
        var called = validation
            .Where(item => item.Prediction.Predicted == IncidentGrade.TruePositive)
            .OrderByDescending(item => item.Prediction.TruePositive)
            .ToArray();

        var best = TriageThresholds.EscalateAll.MaliciousTruePositive;
        var hits = 0;
        for (var i = 0; i < called.Length; i++)
        {
            hits += called[i].Actual == IncidentGrade.TruePositive ? 1 : 0;
            var atTie = i + 1 < called.Length && called[i + 1].Prediction.TruePositive == called[i].Prediction.TruePositive;
            if (!atTie && (double)hits / (i + 1) >= minPrecision)
            {
                best = called[i].Prediction.TruePositive;
            }
        }

        return best;
    }
}
