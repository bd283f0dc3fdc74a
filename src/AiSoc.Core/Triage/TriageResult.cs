using AiSoc.Core.Correlation;
using AiSoc.Core.Ingest;

namespace AiSoc.Core.Triage;

/// <summary>The outcome of a triage run: scored alerts, correlated incidents, rejects and counts.</summary>
public sealed record TriageResult(IngestResult Ingest, IReadOnlyList<IncidentSummary> Incidents, IReadOnlyList<HeldBackEntity> HeldBackEntities, TimeSpan Elapsed);
