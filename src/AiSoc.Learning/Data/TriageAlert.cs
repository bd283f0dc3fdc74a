using AiSoc.Core.Schema;

namespace AiSoc.Learning.Data;

/// <summary>
/// One alert in the shape the features are built from, whether it came from GUIDE evidence rows or from a
/// <see cref="NormalizedAlert"/>. Counts cover the alert's own evidence; the incident counts cover only alerts of
/// the same incident at or before <see cref="Time"/>, so no later evidence leaks into a prediction.
/// </summary>
public sealed class TriageAlert
{
    public required string OrgId { get; init; }

    /// <summary>Incident key unique across organisations (<c>org/incident</c>).</summary>
    public required string IncidentKey { get; init; }

    /// <summary>Alert key unique across organisations and incidents.</summary>
    public required string AlertKey { get; init; }

    /// <summary>Time of the alert's first evidence, UTC.</summary>
    public required DateTimeOffset Time { get; init; }

    public required string DetectorId { get; init; }

    public string AlertTitle { get; init; } = "";

    public string Category { get; init; } = "";

    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>Evidence count per entity type, such as <c>Ip</c> or <c>User</c>.</summary>
    public IReadOnlyDictionary<string, int> EntityTypeCounts { get; init; } = new Dictionary<string, int>();

    public int ImpactedCount { get; init; }

    public int RelatedCount { get; init; }

    /// <summary>Evidence with SuspicionLevel <c>Suspicious</c>.</summary>
    public int SuspiciousCount { get; init; }

    /// <summary>Evidence with SuspicionLevel <c>Incriminated</c>.</summary>
    public int IncriminatedCount { get; init; }

    public int LastVerdictMaliciousCount { get; init; }

    public int LastVerdictSuspiciousCount { get; init; }

    public int LastVerdictNoThreatsFoundCount { get; init; }

    public int EvidenceCount { get; init; }

    /// <summary>Alerts of the incident up to and including this one.</summary>
    public int IncidentAlertsSoFar { get; init; }

    /// <summary>Evidence rows of the incident up to and including this alert.</summary>
    public int IncidentEvidenceSoFar { get; init; }

    public Severity Severity { get; init; } = Severity.Unknown;

    /// <summary>Score of <c>RuleBasedScorer</c> from 0 to 100, or null where the source cannot be rule-scored (GUIDE).</summary>
    public int? RuleScore { get; init; }

    /// <summary>
    /// Anomaly score from 0 to 1 of a behavioral baseline alert (<c>Extra["anomalyScore"]</c>), or null for any
    /// other alert.
    /// </summary>
    public double? AnomalyScore { get; init; }

    /// <summary>The analyst's grade of the incident; null for an alert being scored.</summary>
    public IncidentGrade? Grade { get; init; }
}
