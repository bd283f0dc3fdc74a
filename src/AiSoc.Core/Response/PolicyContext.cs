using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Core.Response;

/// <summary>The facts about an incident that the response policy decides on.</summary>
public sealed record PolicyContext
{
    public required string InvestigationId { get; init; }

    /// <summary>The incident's triage verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Confidence in <see cref="Verdict"/> from 0 to 1; null when no alert carries one.</summary>
    public double? Confidence { get; init; }

    /// <summary>Newest activity time among the incident's alerts, UTC; the age rule measures from here.</summary>
    public required DateTimeOffset LatestActivityAt { get; init; }

    /// <summary>
    /// Builds the context of an incident: its verdict, the highest confidence among the alerts that carry that
    /// verdict, and the newest alert activity time.
    /// </summary>
    public static PolicyContext FromIncident(string investigationId, IncidentSummary incident, IReadOnlyCollection<NormalizedAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alerts);

        var confidences = alerts
            .Where(alert => alert.Verdict == incident.Verdict && alert.Confidence is not null)
            .Select(alert => alert.Confidence!.Value)
            .ToList();
        var latest = alerts.Count == 0 ? incident.LastActivityAt : alerts.Max(alert => alert.ActivityTime);

        return new PolicyContext
        {
            InvestigationId = investigationId,
            Verdict = incident.Verdict,
            Confidence = confidences.Count == 0 ? null : confidences.Max(),
            LatestActivityAt = latest,
        };
    }
}
