namespace AiSoc.Narratives;

/// <summary>Token counts that the model service reported for one narrative, or null where it reported none.</summary>
public sealed record NarrativeTokenUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);
