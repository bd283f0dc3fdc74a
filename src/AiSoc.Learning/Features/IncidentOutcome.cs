using AiSoc.Learning.Data;

namespace AiSoc.Learning.Features;

/// <summary>A graded incident as history sees it: when its last alert fired, its grade and the detectors in it.</summary>
public sealed record IncidentOutcome(string OrgId, string IncidentKey, DateTimeOffset LastAlertAt, IncidentGrade Grade, IReadOnlyCollection<string> DetectorIds)
{
    /// <summary>Builds one outcome per incident of the labelled <paramref name="alerts"/>; alerts without a grade are skipped.</summary>
    public static IReadOnlyList<IncidentOutcome> FromAlerts(IEnumerable<TriageAlert> alerts) =>
        alerts
            .Where(alert => alert.Grade is not null)
            .GroupBy(alert => alert.IncidentKey, StringComparer.Ordinal)
            .Select(incident => new IncidentOutcome(
                incident.First().OrgId,
                incident.Key,
                incident.Max(alert => alert.Time),
                incident.First().Grade!.Value,
                incident.Select(alert => alert.DetectorId).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
}
