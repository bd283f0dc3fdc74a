using System.Globalization;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;

namespace AiSoc.Core.Tuning.Suppressions;

/// <summary>
/// Scores with <paramref name="inner"/>, then marks an alert that an applied suppression covers as benign with a
/// score of 0. The alert is kept, with a reason that names the suppression, who applied it and when it expires, so
/// a suppressed alert stays visible and an incident of only suppressed alerts gets no response plan.
/// </summary>
public sealed class SuppressingScorer(IAlertScorer inner, SuppressionMatcher suppressions) : IAlertScorer
{
    public AlertAssessment Assess(NormalizedAlert alert, AlertContext context)
    {
        var assessment = inner.Assess(alert, context);
        if (suppressions.Match(alert) is not { } suppression)
        {
            return assessment;
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Suppressed by {suppression.ProposalId} ({suppression.DetectorId}, {suppression.EntityField} {suppression.EntityValue}), applied by {suppression.AppliedBy}, until {suppression.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z; the score without it was {assessment.Score}");
        return new AlertAssessment(0, Verdict.Benign, assessment.Confidence, [reason, .. assessment.Reasons]);
    }
}
