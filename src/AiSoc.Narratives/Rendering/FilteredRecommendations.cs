namespace AiSoc.Narratives.Rendering;

/// <summary>The recommended steps that may be displayed, and how many were dropped.</summary>
/// <param name="Kept">Steps within the plan, in the model's order.</param>
/// <param name="DroppedCount">Steps removed because they named an action outside the plan or claimed approval.</param>
public sealed record FilteredRecommendations(IReadOnlyList<RecommendedStep> Kept, int DroppedCount);
