using AiSoc.Core.Scoring;

namespace AiSoc.Core.Correlation;

/// <summary>The incidents that correlation built, and the scoring context of every alert.</summary>
/// <param name="Incidents">Every alert is in exactly one incident; single alerts form one-alert incidents. Ordered by first activity time, then id.</param>
/// <param name="Contexts">The context of each alert, keyed by alert id.</param>
public sealed record CorrelationResult(IReadOnlyList<CorrelatedIncident> Incidents, IReadOnlyDictionary<string, AlertContext> Contexts);
