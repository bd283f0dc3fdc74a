using AiSoc.Core.Ingest;
using AiSoc.Core.Scoring;
using AiSoc.Core.Triage;
using AiSoc.Learning.Data;
using Microsoft.Extensions.Logging;

namespace AiSoc.Learning.Tenant;

/// <summary>Labelled alerts from tenant exports, with the counts of alerts that were not labels.</summary>
/// <param name="Alerts">Alerts whose verdict a person set, ordered by time and then key.</param>
/// <param name="AutomaticVerdicts">Alerts whose verdict an automation set (see <see cref="HumanVerdictRule"/>).</param>
/// <param name="Unlabelled">Alerts with no classification, or one such as Undetermined that names no grade.</param>
/// <param name="RejectedRecords">Records that no normalizer could read.</param>
public sealed record TenantLabels(IReadOnlyList<TriageAlert> Alerts, int AutomaticVerdicts, int Unlabelled, int RejectedRecords);

/// <summary>
/// Reads labelled alerts from tenant exports (Sentinel incidents with their alerts, Graph security incidents and
/// alerts, Defender for Endpoint alerts) through the same ingestion, correlation and rule scoring as triage.
/// </summary>
public static class TenantExportLoader
{
    /// <summary>
    /// Reads every file and folder in <paramref name="paths"/>. Throws <see cref="LabelledDataException"/> when a
    /// path is missing or a file cannot be read.
    /// </summary>
    public static TenantLabels Load(IReadOnlyList<string> paths, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        InputCatalog catalog;
        try
        {
            catalog = InputCatalog.Expand(paths);
        }
        catch (FileNotFoundException exception)
        {
            throw new LabelledDataException($"Labelled data not found: {exception.Message}", exception);
        }

        var configuration = TriageConfiguration.Default();
        var log = new ClosureLog();
        var scorer = new LabellingScorer(new RuleBasedScorer(configuration.Scoring), log);
        var runner = new TriageRunner(ClosureRecordingNormalizer.CreateRegistry(log), scorer, configuration.Correlation, loggerFactory);

        TriageResult result;
        try
        {
            result = runner.Run(catalog);
        }
        catch (InputReadException exception)
        {
            throw new LabelledDataException(exception.Message, exception);
        }

        var alerts = scorer.Labelled
            .OrderBy(alert => alert.Time)
            .ThenBy(alert => alert.AlertKey, StringComparer.Ordinal)
            .ToArray();
        return new TenantLabels(alerts, scorer.Automatic, scorer.Unlabelled, result.Ingest.Rejects.Count);
    }
}
