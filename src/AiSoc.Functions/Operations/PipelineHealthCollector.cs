using AiSoc.Functions.Graph;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Status;
using AiSoc.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Operations;

/// <summary>
/// Reads pipeline health from the stores: ingestion lag from the Graph poller watermarks and the stream ledger,
/// dead letters per source, the stream reconciled against its sequence numbers, waiting approvals and
/// investigations by stage. The last result feeds the metrics instruments.
/// </summary>
public sealed class PipelineHealthCollector(
    IWatermarkStore watermarks,
    IDeadLetterStore deadLetters,
    PendingApprovalQuery approvals,
    IInvestigationStatusReaderFactory investigations,
    IOptions<AlertStreamOptions> alertStream,
    TimeProvider timeProvider,
    IIngestionLedger? ledger = null)
{
    private PipelineHealthSnapshot? _last;

    /// <summary>The latest snapshot, or null before the first collection.</summary>
    public PipelineHealthSnapshot? Last => Volatile.Read(ref _last);

    /// <summary>Reads every value without a bound Durable client and stores the result as <see cref="Last"/>.</summary>
    public Task<PipelineHealthSnapshot> CollectAsync(CancellationToken cancellationToken) => CollectAsync(null, cancellationToken);

    /// <summary>
    /// Reads every value and stores the result as <see cref="Last"/>. Investigations by stage are read through
    /// <paramref name="durableClient"/>. When the reader needs one and none is bound, the previous counts are kept.
    /// </summary>
    public async Task<PipelineHealthSnapshot> CollectAsync(DurableTaskClient? durableClient, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var polledSources = Enum.GetValues<GraphSecurityResource>().Select(GraphSecurityPoller.SourceName).ToList();

        var lag = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var source in polledSources)
        {
            var watermark = await watermarks.GetAsync(source, cancellationToken).ConfigureAwait(false);
            lag[source] = watermark is { } value ? Math.Max(0, (now - value).TotalSeconds) : null;
        }

        // NOTE: this lists every dead letter of each source to count them; a large backlog makes the health
        // route slower, so purge replayed dead letters.
        var deadLetterCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in polledSources.Prepend(alertStream.Value.EventHubName).Where(source => source.Length > 0).Distinct(StringComparer.Ordinal))
        {
            deadLetterCounts[source] = (await deadLetters.ListAsync(source, cancellationToken).ConfigureAwait(false)).Count;
        }

        var streams = new Dictionary<string, StreamReconciliation>(StringComparer.Ordinal);
        if (ledger is not null && alertStream.Value.EventHubName is { Length: > 0 } hub)
        {
            var partitions = await ledger.ListAsync(hub, cancellationToken).ConfigureAwait(false);
            streams[hub] = Reconcile(partitions);
            lag[hub] = partitions.OrderByDescending(partition => partition.LastIngestedAt).FirstOrDefault()?.LastLagSeconds;
        }

        var waiting = await approvals.ListWaitingAsync(now, cancellationToken).ConfigureAwait(false);
        double? oldestAge = waiting.Count == 0 ? null : Math.Max(0, (now - waiting.Min()).TotalSeconds);
        var stages = await CountByStageAsync(durableClient, cancellationToken).ConfigureAwait(false);

        var snapshot = new PipelineHealthSnapshot(now, lag, deadLetterCounts, waiting.Count, oldestAge, stages, streams);
        Volatile.Write(ref _last, snapshot);
        return snapshot;
    }

    private static StreamReconciliation Reconcile(IReadOnlyList<PartitionLedgerEntry> partitions) => new(
        partitions.Count,
        partitions.Sum(partition => partition.EventsRead),
        partitions.Sum(partition => partition.EventsRedelivered),
        partitions.Sum(partition => partition.EventsMissed),
        partitions.Sum(partition => partition.AlertsStored),
        partitions.Sum(partition => partition.DeadLettered));

    private async Task<IReadOnlyDictionary<string, int>> CountByStageAsync(DurableTaskClient? durableClient, CancellationToken cancellationToken)
    {
        // NOTE: the background refresher has no bound client, so with the Durable reader the stage gauges change
        // only when the health route runs.
        if (durableClient is null && investigations.ReadsOrchestrations)
        {
            return Last?.InvestigationsByStage ?? new Dictionary<string, int>(StringComparer.Ordinal);
        }

        return await investigations.Create(durableClient).CountByStageAsync(cancellationToken).ConfigureAwait(false);
    }
}
