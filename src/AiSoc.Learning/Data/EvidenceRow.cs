namespace AiSoc.Learning.Data;

/// <summary>One GUIDE evidence row: one entity of one alert, with the grade of the alert's incident.</summary>
public sealed record EvidenceRow(
    string OrgId,
    string IncidentId,
    string AlertId,
    DateTimeOffset Timestamp,
    string DetectorId,
    string AlertTitle,
    string Category,
    IReadOnlyList<string> Techniques,
    IncidentGrade Grade,
    string EntityType,
    string EvidenceRole,
    string SuspicionLevel,
    string LastVerdict);
