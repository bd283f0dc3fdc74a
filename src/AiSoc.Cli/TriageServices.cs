using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Scoring;
using AiSoc.Core.Triage;
using AiSoc.Learning.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Cli;

/// <summary>Composes the triage pipeline from a configuration.</summary>
internal static class TriageServices
{
    public static TriageRunner CreateRunner(TriageConfiguration configuration, ILoggerFactory loggerFactory, int workers) =>
        CreateRunner(configuration, new RuleBasedScorer(configuration.Scoring), loggerFactory, workers);

    public static TriageRunner CreateRunner(TriageConfiguration configuration, IAlertScorer scorer, ILoggerFactory loggerFactory, int workers) =>
        new(KnownFormats.CreateRegistry(), scorer, configuration.Correlation, loggerFactory)
        {
            Workers = workers,
        };

    /// <summary>
    /// Loads the learned model at <paramref name="modelPath"/> over the configured rules. A missing or invalid model
    /// gives a scorer that uses the rules alone; the caller reports <see cref="LearnedAlertScorer.UnavailableReason"/>.
    /// </summary>
    public static LearnedAlertScorer CreateLearnedScorer(TriageConfiguration configuration, string modelPath) =>
        LearnedAlertScorer.LoadOrFallBack(modelPath, new RuleBasedScorer(configuration.Scoring), NullLogger.Instance);
}
