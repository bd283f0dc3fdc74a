namespace AiSoc.Investigations;

/// <summary>What the gather-context stage found: the incident's shape, without its alert text.</summary>
public sealed record ContextSummary(string IncidentId, string Title, int AlertCount, int EntityCount, IReadOnlyList<string> Sources, DateTimeOffset LastActivityAt);
