using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>One alert in an incident's timeline.</summary>
/// <param name="AlertId">The alert's stable id.</param>
/// <param name="Time">The alert's activity time (first activity, else creation), UTC.</param>
public sealed record TimelineEntry(string AlertId, DateTimeOffset Time, string Title, Severity Severity, IReadOnlyList<string> Tactics);
