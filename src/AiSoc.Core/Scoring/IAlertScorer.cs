using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>
/// Scores one alert and gives a verdict with reasons. Implementations must be stateless between calls, so that
/// the rule-based scorer and a learned model can replace each other.
/// </summary>
public interface IAlertScorer
{
    /// <summary>Assesses <paramref name="alert"/> in the light of the alerts correlated with it.</summary>
    AlertAssessment Assess(NormalizedAlert alert, AlertContext context);
}
