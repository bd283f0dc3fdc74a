using AiSoc.Core.Schema;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>The investigation outcome of one alert. Times are UTC.</summary>
public sealed record CaseOutcome
{
    /// <summary>Case or incident the alert was investigated in; the alert id when it stood alone.</summary>
    public required string CaseId { get; init; }

    public required string AlertId { get; init; }

    /// <summary>Detector, analytics rule or alert type that raised the alert; null when the source does not name one.</summary>
    public string? DetectorId { get; init; }

    public required string Source { get; init; }

    public required string Title { get; init; }

    public Severity Severity { get; init; }

    public IReadOnlyList<string> Tactics { get; init; } = [];

    /// <summary>ATT&amp;CK techniques the detector attached to the alert.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>ATT&amp;CK techniques recorded on the incident or found by the investigation, covered by a detector or not.</summary>
    public IReadOnlyList<string> IncidentTechniques { get; init; } = [];

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When triage or an analyst first looked at the alert.</summary>
    public DateTimeOffset? TriagedAt { get; init; }

    public DateTimeOffset? ContainedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public CaseVerdict Verdict { get; init; }

    /// <summary>Provider reason for the classification, such as SuspiciousActivity or a Graph determination.</summary>
    public string? VerdictReason { get; init; }

    public VerdictSource DecidedBy { get; init; }

    /// <summary>True when automation closed the case without an analyst.</summary>
    public bool AutoClosed { get; init; }

    /// <summary>True when the case was handed to an analyst or a higher tier.</summary>
    public bool Escalated { get; init; }

    /// <summary>The verdict our triage gave, when known, for accuracy against analyst verdicts.</summary>
    public Verdict? TriageVerdict { get; init; }

    /// <summary>True when a human set a known verdict, the only outcomes used as ground truth.</summary>
    public bool IsHumanLabel => DecidedBy == VerdictSource.Human && Verdict != CaseVerdict.Unknown;

    /// <summary>True for BenignPositive and FalsePositive verdicts.</summary>
    public bool IsBenign => Verdict is CaseVerdict.BenignPositive or CaseVerdict.FalsePositive;
}
