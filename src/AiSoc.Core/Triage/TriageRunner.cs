using System.Diagnostics;
using AiSoc.Core.Correlation;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace AiSoc.Core.Triage;

/// <summary>
/// Runs the whole triage of a set of input files: ingest (read, normalize, deduplicate), correlate, score. The CLI,
/// the Functions app and the benchmark share this one entry point.
/// </summary>
public sealed partial class TriageRunner(
    NormalizerRegistry registry,
    IAlertScorer scorer,
    CorrelationOptions correlationOptions,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TriageRunner>();

    /// <summary>Number of worker threads for normalization and scoring; defaults to one per core.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Triages every record of the catalog's files.</summary>
    /// <exception cref="InputReadException">A file could not be opened or read.</exception>
    public TriageResult Run(InputCatalog catalog, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();

        var ingestor = new AlertIngestor(registry, loggerFactory.CreateLogger<AlertIngestor>()) { Workers = Workers };
        var ingest = ingestor.Ingest(catalog, progress, cancellationToken);
        var ingestTime = stopwatch.ElapsedMilliseconds;

        var correlation = new AlertCorrelator(correlationOptions).Correlate(ingest.Alerts, ingest.ProviderIncidents);
        var correlationTime = stopwatch.ElapsedMilliseconds - ingestTime;

        Score(ingest.Alerts, correlation, cancellationToken);
        var scoringTime = stopwatch.ElapsedMilliseconds - ingestTime - correlationTime;

        var alertsById = ingest.Alerts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var incidents = IncidentSummaryFactory.Create(correlation.Incidents, alertsById, ingest.ProviderIncidents);
        var heldBack = correlation.Incidents.SelectMany(i => i.HeldBackEntities)
            .DistinctBy(h => (h.Key, h.Reason))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();

        LogTriageCompleted(_logger, ingest.Alerts.Count, incidents.Count, stopwatch.ElapsedMilliseconds, ingestTime, correlationTime, scoringTime);
        return new TriageResult(ingest, incidents, heldBack, stopwatch.Elapsed);
    }

    private void Score(IReadOnlyList<NormalizedAlert> alerts, CorrelationResult correlation, CancellationToken cancellationToken)
    {
        var incidentByAlert = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var incident in correlation.Incidents)
        {
            foreach (var alertId in incident.AlertIds)
            {
                incidentByAlert[alertId] = incident.Id;
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken };
        Parallel.ForEach(alerts, options, alert =>
        {
            var context = correlation.Contexts.GetValueOrDefault(alert.Id) ?? AlertContext.None;
            var assessment = scorer.Assess(alert, context);

            alert.Score = assessment.Score;
            alert.Verdict = assessment.Verdict;
            alert.Confidence = Math.Round(assessment.Confidence, 3);
            // Reasons repeat across alerts ("High source severity (+40)"), so every alert shares one array per list.
            alert.Reasons = ValuePool.Shared.Share(assessment.Reasons.ToList());
            alert.IncidentId = incidentByAlert.GetValueOrDefault(alert.Id);
        });
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Triage completed: {AlertCount} alerts in {IncidentCount} incidents in {ElapsedMilliseconds} ms (ingest {IngestMilliseconds} ms, correlation {CorrelationMilliseconds} ms, scoring {ScoringMilliseconds} ms)")]
    private static partial void LogTriageCompleted(ILogger logger, int alertCount, int incidentCount, long elapsedMilliseconds,
        long ingestMilliseconds, long correlationMilliseconds, long scoringMilliseconds);
}
