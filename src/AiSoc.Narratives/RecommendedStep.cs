namespace AiSoc.Narratives;

/// <summary>One recommended next step of a narrative.</summary>
/// <param name="Text">The step in plain words.</param>
/// <param name="ActionType">
/// The proposed action type that the step recommends, or null for an investigation step that changes nothing,
/// such as reviewing sign-in logs.
/// </param>
/// <param name="Target">The target of <paramref name="ActionType"/>, or null for an investigation step.</param>
public sealed record RecommendedStep(string Text, string? ActionType = null, string? Target = null);
