using System.Collections.Concurrent;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Learning.Data;
using AiSoc.Learning.Scoring;

namespace AiSoc.Learning.Tenant;

/// <summary>
/// A scorer for the triage pipeline that scores with the rules, like triage does, and records each alert as a
/// <see cref="TriageAlert"/> with its label. Mapping at scoring time gives training the same correlation context and
/// rule score that <see cref="LearnedAlertScorer"/> receives in triage.
/// </summary>
internal sealed class LabellingScorer(RuleBasedScorer rules, ClosureLog log) : IAlertScorer
{
    private readonly ConcurrentBag<TriageAlert> _labelled = [];
    private int _automatic;
    private int _unlabelled;

    public IReadOnlyCollection<TriageAlert> Labelled => _labelled;

    public int Automatic => _automatic;

    public int Unlabelled => _unlabelled;

    public AlertAssessment Assess(NormalizedAlert alert, AlertContext context)
    {
        var ruled = rules.Assess(alert, context);

        switch (log.LabelOf(alert, out var grade))
        {
            case LabelOutcome.Human:
                _labelled.Add(NormalizedAlertMapper.ToTriageAlert(alert, context, ruled.Score, grade));
                break;
            case LabelOutcome.Automatic:
                Interlocked.Increment(ref _automatic);
                break;
            default:
                Interlocked.Increment(ref _unlabelled);
                break;
        }

        return ruled;
    }
}
