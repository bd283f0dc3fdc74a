using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Reads input files on one thread and normalizes their records on all cores, then deduplicates. The reader stays
/// at most a few batches ahead of the workers, so memory does not grow with the input size beyond the results.
/// </summary>
public sealed partial class AlertIngestor(NormalizerRegistry registry, ILogger<AlertIngestor> logger)
{
    /// <summary>Number of worker threads; defaults to one per core.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Reads and normalizes every record of the catalog's files.</summary>
    /// <exception cref="InputReadException">A file could not be opened or read.</exception>
    public IngestResult Ingest(InputCatalog catalog, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        LogIngestStarted(logger, catalog.Files.Count, Workers);

        using var queue = new BlockingCollection<RecordBatch>(boundedCapacity: Workers * 2);
        var producer = Task.Run(() => Produce(catalog, queue, progress, cancellationToken), cancellationToken);

        var processors = new RecordProcessor[Workers];
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, i =>
        {
            var processor = new RecordProcessor(registry);
            foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                processor.Process(batch);
                batch.Release();
            }

            processors[i] = processor;
        });

        producer.GetAwaiter().GetResult();

        var result = Merge(catalog, processors);
        LogIngestCompleted(logger, result.RecordsRead, result.RecordsNormalized, result.Rejects.Count, result.Alerts.Count, result.DuplicatesMerged);
        return result;
    }

    private static void Produce(InputCatalog catalog, BlockingCollection<RecordBatch> queue, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            long records = 0;
            long bytes = 0;
            foreach (var file in catalog.Files)
            {
                foreach (var batch in InputReaders.Read(file))
                {
                    queue.Add(batch, cancellationToken);
                    records += batch.Records.Count;
                    bytes += batch.ByteCount;
                    progress?.Report(new IngestProgress(records, bytes, file));
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private static IngestResult Merge(InputCatalog catalog, RecordProcessor[] processors)
    {
        var (alerts, merged) = AlertDeduplicator.Deduplicate(processors.SelectMany(p => p.Alerts));
        var incidents = AlertDeduplicator.Deduplicate(processors.SelectMany(p => p.Incidents));
        var rejects = processors.SelectMany(p => p.Rejects)
            .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Record).ThenBy(r => r.Item ?? -1)
            .ToList();

        var byFormat = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (format, count) in processors.SelectMany(p => p.RecordsByFormat))
        {
            byFormat[format] = byFormat.GetValueOrDefault(format) + count;
        }

        return new IngestResult
        {
            Alerts = alerts,
            ProviderIncidents = incidents,
            Rejects = rejects,
            Files = catalog.Files,
            SkippedFiles = catalog.SkippedFiles,
            RecordsNormalized = processors.Sum(p => p.Normalized),
            DuplicatesMerged = merged,
            RecordsByFormat = byFormat,
        };
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Ingest started: {FileCount} files on {WorkerCount} workers")]
    private static partial void LogIngestStarted(ILogger logger, int fileCount, int workerCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Ingest completed: {RecordCount} records read, {NormalizedCount} normalized, {RejectedCount} rejected, {AlertCount} distinct alerts, {DuplicateCount} duplicates merged")]
    private static partial void LogIngestCompleted(ILogger logger, long recordCount, long normalizedCount, int rejectedCount, int alertCount, long duplicateCount);
}
