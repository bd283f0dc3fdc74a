using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Tuning;

/// <summary>
/// Reads the case records completed in a period from the <see cref="ICaseRecordStore"/> and converts each to one
/// <see cref="CaseOutcome"/> per alert, loading the alerts from the <see cref="IInvestigationStore"/>.
/// </summary>
public sealed partial class StoredCaseOutcomes(ICaseRecordStore cases, IInvestigationStore incidents, ILogger<StoredCaseOutcomes> logger)
{
    /// <summary>Returns the outcomes and the number of case records skipped because their incident could not be loaded.</summary>
    public async Task<(List<CaseOutcome> Outcomes, int Skipped)> ReadAsync(DateTimeOffset completedFrom, DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        var outcomes = new List<CaseOutcome>();
        var read = 0;
        var skipped = 0;
        await foreach (var record in cases.ListCompletedAsync(completedFrom, completedBefore, cancellationToken).ConfigureAwait(false))
        {
            read++;

            // Records written before the triage key was recorded name no incident to load.
            var incident = record.TriageKey is null
                ? null
                : await incidents.GetAsync(record.TriageKey, record.IncidentId, cancellationToken).ConfigureAwait(false);
            if (incident is null)
            {
                skipped++;
                LogIncidentMissing(logger, record.InvestigationId, record.IncidentId, record.TriageKey ?? "none");
                continue;
            }

            outcomes.AddRange(CaseOutcomeBuilder.Build(record, incident));
        }

        LogCasesRead(logger, read, outcomes.Count, skipped, completedFrom, completedBefore);
        return (outcomes, skipped);
    }

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning,
        Message = "Case record of investigation {InvestigationId} skipped: incident {IncidentId} was not found under triage key {TriageKey}")]
    private static partial void LogIncidentMissing(ILogger logger, string investigationId, string incidentId, string triageKey);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information,
        Message = "Read {CaseCount} case records completed from {From} to {Before}: {AlertCount} alerts, {SkippedCount} skipped")]
    private static partial void LogCasesRead(ILogger logger, int caseCount, int alertCount, int skippedCount, DateTimeOffset from, DateTimeOffset before);
}
