namespace AiSoc.Narratives;

/// <summary>
/// A readable account of an incident: what happened, on which evidence, why the verdict, and what to do next.
/// Model text in it is untrusted, so display it only through <see cref="NarrativeRenderer"/>.
/// </summary>
public sealed record InvestigationNarrative
{
    public required string IncidentId { get; init; }

    /// <summary>What happened, in two to four sentences.</summary>
    public required string Summary { get; init; }

    /// <summary>The alerts in time order, told as a sequence of events.</summary>
    public required string TimelineNarrative { get; init; }

    /// <summary>Why the incident got its verdict, citing the evidence.</summary>
    public required string VerdictRationale { get; init; }

    public required IReadOnlyList<RecommendedStep> RecommendedNextSteps { get; init; }

    /// <summary>Facts the evidence does not settle, which an analyst should check.</summary>
    public required IReadOnlyList<string> OpenQuestions { get; init; }

    /// <summary>True when a language model wrote the text, false for the deterministic template.</summary>
    public required bool IsAiWritten { get; init; }

    /// <summary>The model or deployment that wrote the text, or null for the template.</summary>
    public string? ModelName { get; init; }

    /// <summary>Token counts of the model call, or null for the template and when the service reported none.</summary>
    public NarrativeTokenUsage? TokenUsage { get; init; }

    /// <summary>Time spent writing the narrative, including a failed model call before a fallback.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Why the template wrote the narrative, or <see cref="NarrativeFallbackReason.None"/> when the model did.</summary>
    public NarrativeFallbackReason FallbackReason { get; init; }

    /// <summary>Detail of the fallback, such as the schema error or the HTTP status, or null without a fallback.</summary>
    public string? FallbackDetail { get; init; }
}
