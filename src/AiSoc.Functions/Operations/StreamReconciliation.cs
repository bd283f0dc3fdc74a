namespace AiSoc.Functions.Operations;

/// <summary>
/// What one stream delivered, summed over its partitions and checked against the sequence numbers Event Hubs
/// assigned: <see cref="EventsMissed"/> above zero means events expired or were skipped before ingestion read them.
/// </summary>
/// <param name="Partitions">Partitions that delivered at least one batch.</param>
/// <param name="EventsRead">Events read for the first time.</param>
/// <param name="EventsRedelivered">Events delivered again after a lost checkpoint; their alerts collapse by id.</param>
/// <param name="EventsMissed">Sequence numbers never read.</param>
/// <param name="AlertsStored">Alerts written as new or newer versions.</param>
/// <param name="DeadLettered">Records and alerts written to the dead-letter store.</param>
public sealed record StreamReconciliation(int Partitions, long EventsRead, long EventsRedelivered, long EventsMissed, long AlertsStored, long DeadLettered);
