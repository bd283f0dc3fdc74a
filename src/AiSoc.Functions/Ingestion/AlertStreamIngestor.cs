using System.Text;
using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;
using AiSoc.Storage;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Ingestion;

/// <summary>
/// Ingests a batch of stream events: each event is normalized on its own, so one bad event goes to the dead-letter
/// store and the rest of the batch is still stored. Alerts are folded within the batch with
/// <see cref="AlertDeduplicator"/> and written to the alert store, which collapses redelivered copies by
/// provider alert id.
/// </summary>
public sealed partial class AlertStreamIngestor(
    EventRecordNormalizer normalizer,
    IAlertStore alerts,
    IDeadLetterStore deadLetters,
    TimeProvider timeProvider,
    ILogger<AlertStreamIngestor> logger,
    IIngestionLedger? ledger = null)
{
    /// <summary>Ingests <paramref name="events"/> from <paramref name="source"/>, such as the event hub name.</summary>
    /// <exception cref="Azure.RequestFailedException">Table storage failed; the caller lets the host retry the batch.</exception>
    public async Task<StreamBatchResult> IngestAsync(string source, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);

        var batchAlerts = new List<NormalizedAlert>();
        var incidents = 0;
        var rejected = 0;
        for (var index = 0; index < events.Count; index++)
        {
            var streamEvent = events[index];
            var file = streamEvent.PartitionId is null ? source : $"{source}/{streamEvent.PartitionId}";
            var reference = new RawRecordRef(file, streamEvent.SequenceNumber ?? index);
            var normalization = normalizer.Normalize(streamEvent.Body, reference);
            batchAlerts.AddRange(normalization.Alerts);
            incidents += normalization.Incidents.Count;

            foreach (var reject in normalization.Rejects)
            {
                rejected++;
                LogEventRejected(logger, source, streamEvent.PartitionId, streamEvent.Offset, reject.Item, reject.Reason);
                await deadLetters.WriteAsync(ToDeadLetter(source, streamEvent, reject), cancellationToken).ConfigureAwait(false);
            }
        }

        var (unique, merged) = AlertDeduplicator.Deduplicate(batchAlerts);
        var inserted = 0;
        var updated = 0;
        var tooLarge = 0;
        foreach (var alert in unique)
        {
            AlertWriteOutcome outcome;
            try
            {
                outcome = await alerts.UpsertAsync(alert, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException error)
            {
                // One oversized alert must not fail the batch; it is dead-lettered like an unreadable record.
                tooLarge++;
                LogEventRejected(logger, source, null, null, alert.Raw.Item, error.Message);
                await deadLetters.WriteAsync(
                    new DeadLetter(source, null, null, alert.Raw.Record, alert.Raw.Item, error.Message, alert.ProviderAlertId, timeProvider.GetUtcNow()),
                    cancellationToken).ConfigureAwait(false);
                continue;
            }

            inserted += outcome == AlertWriteOutcome.Inserted ? 1 : 0;
            updated += outcome == AlertWriteOutcome.Updated ? 1 : 0;
        }

        var duplicates = unique.Count - inserted - updated - tooLarge + (int)merged;
        var result = new StreamBatchResult(events.Count, inserted, updated, duplicates, incidents, rejected + tooLarge);
        LogBatchIngested(logger, source, result.Events, result.Inserted, result.Updated, result.Duplicates, result.Incidents, result.DeadLettered);
        await RecordPositionsAsync(source, events, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // A batched Event Hubs trigger delivers one partition per batch; batches without positions, such as Graph
    // polls, have nothing to reconcile.
    private async Task RecordPositionsAsync(string source, IReadOnlyList<StreamEvent> events, StreamBatchResult result, CancellationToken cancellationToken)
    {
        if (ledger is null || events.Count == 0 || events[0].PartitionId is not { } partitionId
            || events.Any(streamEvent => streamEvent.SequenceNumber is null || streamEvent.PartitionId != partitionId))
        {
            return;
        }

        var sequences = events.Select(streamEvent => streamEvent.SequenceNumber!.Value).ToList();
        var enqueued = events.Select(streamEvent => streamEvent.EnqueuedAt).Where(time => time is not null).DefaultIfEmpty(null).Max();
        var batch = new PartitionBatch(
            source, partitionId, sequences.Min(), sequences.Max(), events.Count, enqueued, timeProvider.GetUtcNow(), result.Inserted + result.Updated, result.DeadLettered);
        var entry = await ledger.RecordAsync(batch, cancellationToken).ConfigureAwait(false);
        if (entry.LastBatchMissed > 0)
        {
            LogEventsMissed(logger, source, partitionId, entry.LastBatchMissed, batch.FirstSequence);
        }
    }

    private DeadLetter ToDeadLetter(string source, StreamEvent streamEvent, RejectedItem reject) => new(
        source,
        streamEvent.PartitionId,
        streamEvent.Offset,
        streamEvent.SequenceNumber,
        reject.Item,
        reject.Format is null ? reject.Reason : $"{reject.Format}: {reject.Reason}",
        Encoding.UTF8.GetString(streamEvent.Body.Span),
        timeProvider.GetUtcNow());

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning,
        Message = "Dead-lettered event from {Source} partition {PartitionId} offset {Offset} item {Item}: {Reason}")]
    private static partial void LogEventRejected(ILogger logger, string source, string? partitionId, string? offset, int? item, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Source {Source} partition {PartitionId} skipped {MissedCount} events before sequence number {FirstSequence}; they expired or were lost before ingestion read them")]
    private static partial void LogEventsMissed(ILogger logger, string source, string partitionId, long missedCount, long firstSequence);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Ingested {EventCount} events from {Source}: {Inserted} new alerts, {Updated} updated, {Duplicates} duplicates, {Incidents} provider incidents, {DeadLettered} dead-lettered")]
    private static partial void LogBatchIngested(ILogger logger, string source, int eventCount, int inserted, int updated, int duplicates, int incidents, int deadLettered);
}

/// <summary>Counts of one ingested batch.</summary>
/// <param name="Events">Events in the batch.</param>
/// <param name="Inserted">Alerts stored for the first time.</param>
/// <param name="Updated">Alerts that replaced an older stored version.</param>
/// <param name="Duplicates">Alert copies that changed nothing: repeats within the batch and redelivered or older versions.</param>
/// <param name="Incidents">Provider incidents read; their alert bodies are among the alerts.</param>
/// <param name="DeadLettered">Events, container items and oversized alerts written to the dead-letter store.</param>
public sealed record StreamBatchResult(int Events, int Inserted, int Updated, int Duplicates, int Incidents, int DeadLettered);
