namespace AiSoc.Narratives;

/// <summary>The model's answer as deserialized after it matched <see cref="NarrativeJsonSchema"/>.</summary>
internal sealed record NarrativeAnswer(
    string Summary,
    string TimelineNarrative,
    string VerdictRationale,
    IReadOnlyList<RecommendedStep> RecommendedNextSteps,
    IReadOnlyList<string> OpenQuestions);
