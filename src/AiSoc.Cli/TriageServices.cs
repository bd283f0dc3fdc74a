using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Scoring;
using AiSoc.Core.Triage;
using Microsoft.Extensions.Logging;

namespace AiSoc.Cli;

/// <summary>Composes the triage pipeline from a configuration.</summary>
internal static class TriageServices
{
    public static TriageRunner CreateRunner(TriageConfiguration configuration, ILoggerFactory loggerFactory, int workers) =>
        new(KnownFormats.CreateRegistry(), new RuleBasedScorer(configuration.Scoring), configuration.Correlation, loggerFactory)
        {
            Workers = workers,
        };
}
