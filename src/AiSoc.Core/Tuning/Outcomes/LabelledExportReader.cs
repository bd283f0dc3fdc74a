using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Schema;
using Microsoft.Extensions.Logging;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>
/// Turns labelled provider exports into case outcomes: Sentinel incidents with <c>properties.classification</c>
/// and their alerts, and Graph security alerts and incidents with <c>classification</c> and <c>determination</c>.
/// An alert takes its own Graph classification first, else its incident's.
/// </summary>
public sealed class LabelledExportReader(ILoggerFactory loggerFactory)
{
    /// <summary>Labels or tags that mark an incident closed by automation rather than by an analyst.</summary>
    public IReadOnlySet<string> AutomationLabels { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the files and returns one outcome per distinct alert, with the ingest result for its rejects.</summary>
    /// <exception cref="InputReadException">A file could not be opened or read.</exception>
    public (List<CaseOutcome> Outcomes, IngestResult Ingest) Read(IReadOnlyList<string> files)
    {
        var ingestor = new AlertIngestor(KnownFormats.CreateRegistry(), loggerFactory.CreateLogger<AlertIngestor>());
        var ingest = ingestor.Ingest(new InputCatalog(files, []));
        var labels = IncidentLabelReader.Read(files, AutomationLabels);

        var incidents = new Dictionary<string, ProviderIncident>(StringComparer.OrdinalIgnoreCase);
        foreach (var incident in ingest.ProviderIncidents)
        {
            incidents[incident.ProviderIncidentId] = incident;
            foreach (var alertId in incident.ProviderAlertIds)
            {
                incidents.TryAdd("alert:" + alertId, incident);
            }
        }

        var outcomes = new List<CaseOutcome>(ingest.Alerts.Count);
        foreach (var alert in ingest.Alerts)
        {
            var incident = FindIncident(alert, incidents);
            var label = incident is null ? null : labels.GetValueOrDefault(incident.ProviderIncidentId);
            outcomes.Add(ToOutcome(alert, incident, label));
        }

        return (outcomes, ingest);
    }

    private static ProviderIncident? FindIncident(NormalizedAlert alert, Dictionary<string, ProviderIncident> incidents)
    {
        if (alert.ProviderIncidentId is { } id && incidents.TryGetValue(id, out var incident))
        {
            return incident;
        }

        return incidents.GetValueOrDefault("alert:" + alert.ProviderAlertId);
    }

    private static CaseOutcome ToOutcome(NormalizedAlert alert, ProviderIncident? incident, IncidentLabel? label)
    {
        var alertClassification = alert.Extra.GetValueOrDefault("classification");
        var classification = alertClassification ?? incident?.Classification;

        // An unrecognised classification is kept as Unknown, so it is never used as a label.
        var verdict = CaseVerdicts.TryParse(classification, out var parsed) ? parsed : CaseVerdict.Unknown;

        var byAutomation = label?.ClosedByAutomation == true;
        var decidedBy = verdict == CaseVerdict.Unknown ? VerdictSource.Unknown
            : byAutomation ? VerdictSource.Automation
            : VerdictSource.Human;

        return new CaseOutcome
        {
            CaseId = incident?.ProviderIncidentId ?? alert.ProviderAlertId,
            AlertId = alert.ProviderAlertId,
            DetectorId = alert.DetectorId,
            Source = alert.Source,
            Title = alert.Title,
            Severity = alert.Severity,
            Tactics = alert.Tactics,
            Techniques = alert.Techniques,
            IncidentTechniques = label?.Techniques ?? [],
            Entities = alert.Entities,
            CreatedAt = alert.CreatedAt,
            ClosedAt = label?.ClosedAt ?? ResolvedAt(alert),
            Verdict = verdict,
            VerdictReason = alertClassification is not null ? alert.Extra.GetValueOrDefault("determination") : label?.Reason,
            DecidedBy = decidedBy,
            AutoClosed = byAutomation,
            Escalated = !byAutomation && verdict != CaseVerdict.Unknown,
        };
    }

    private static DateTimeOffset? ResolvedAt(NormalizedAlert alert) =>
        string.Equals(alert.Status, "resolved", StringComparison.OrdinalIgnoreCase) ? alert.LastUpdatedAt : null;
}
