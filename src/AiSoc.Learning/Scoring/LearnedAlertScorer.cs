using System.Globalization;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;
using Microsoft.Extensions.Logging;

namespace AiSoc.Learning.Scoring;

/// <summary>
/// Scores alerts with a trained <see cref="TriageModel"/>. TruePositive maps to malicious, BenignPositive and
/// FalsePositive to benign, and a prediction below the model's thresholds to suspicious, so a human reviews it.
/// Confidence is the normalized probability of the predicted side. The rule score is a model feature, and the rule
/// scorer decides alone when the model is unavailable or the alert has no usable entity.
/// </summary>
public sealed partial class LearnedAlertScorer : IAlertScorer
{
    private readonly TriageModel? _model;
    private readonly RuleBasedScorer _rules;
    private readonly VerdictHistory _history;
    private readonly string? _unavailableReason;

    public LearnedAlertScorer(TriageModel model, RuleBasedScorer rules)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        _model = model;
        _rules = rules;
        _history = HistoryOf(model.Manifest);
    }

    private LearnedAlertScorer(RuleBasedScorer rules, string unavailableReason)
    {
        _rules = rules;
        _unavailableReason = unavailableReason;
        _history = new VerdictHistory([], TimeSpan.Zero);
    }

    /// <summary>True when a model was loaded; false when every alert gets the rule score.</summary>
    public bool UsesModel => _model is not null;

    /// <summary>Why the model could not be loaded, naming the file; null when <see cref="UsesModel"/> is true.</summary>
    public string? UnavailableReason => _unavailableReason;

    /// <summary>
    /// Loads the model at <paramref name="modelPath"/>. A missing or invalid file is logged and the scorer falls back
    /// to <paramref name="rules"/> for every alert, with a reason naming the file.
    /// </summary>
    public static LearnedAlertScorer LoadOrFallBack(string modelPath, RuleBasedScorer rules, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(logger);

        try
        {
            return new LearnedAlertScorer(TriageModelStore.Load(modelPath), rules);
        }
        catch (ModelLoadException exception)
        {
            LogModelUnavailable(logger, modelPath, exception);
            return new LearnedAlertScorer(rules, exception.Message);
        }
    }

    public AlertAssessment Assess(NormalizedAlert alert, AlertContext context)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(context);

        var ruled = _rules.Assess(alert, context);
        if (_model is null)
        {
            return ruled with { Reasons = [.. ruled.Reasons, $"Learned model unavailable, rule score used: {_unavailableReason}"] };
        }

        if (ruled.Verdict == Verdict.NeedsContext)
        {
            return ruled;
        }

        var triageAlert = NormalizedAlertMapper.ToTriageAlert(alert, context, ruled.Score);
        var (prediction, reasons) = _model.PredictWithReasons(_model.Features.Build(triageAlert, _history));
        var decision = prediction.Decide(_model.Manifest.Thresholds);

        var (verdict, confidence) = decision switch
        {
            TriageDecision.Malicious => (Verdict.Malicious, prediction.TruePositive),
            TriageDecision.AutoClose => (Verdict.Benign, prediction.Benign),
            _ => (Verdict.Suspicious, Math.Max(prediction.TruePositive, prediction.Benign)),
        };

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Learned model: {prediction.Predicted} (TP {prediction.TruePositive:0.00}, BP {prediction.BenignPositive:0.00}, FP {prediction.FalsePositive:0.00}) gives {decision}");
        return new AlertAssessment(ScoreOf(prediction), verdict, confidence, [summary, .. reasons]);
    }

    private static int ScoreOf(GradePrediction prediction) => (int)Math.Round(prediction.TruePositive * 100);

    private static VerdictHistory HistoryOf(ModelManifest manifest)
    {
        // The manifest keeps only totals, so each past incident is replayed as ended long before any scored alert.
        var incidents = new List<IncidentOutcome>();
        foreach (var (detector, counts) in manifest.DetectorHistory)
        {
            for (var grade = 0; grade < counts.Length && grade < IncidentGrades.All.Count; grade++)
            {
                for (var n = 0; n < counts[grade]; n++)
                {
                    incidents.Add(new IncidentOutcome("", "", DateTimeOffset.MinValue, (IncidentGrade)grade, [detector]));
                }
            }
        }

        return new VerdictHistory(incidents, TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learned model {ModelPath} unavailable; scoring with rules only")]
    private static partial void LogModelUnavailable(ILogger logger, string modelPath, Exception exception);
}
