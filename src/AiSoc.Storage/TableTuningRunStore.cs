using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Performance;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="ITuningRunStore"/> in Azure Table Storage. Each run is one row in partition <c>run</c> and one row
/// per detector in partition <c>detector-{escaped detector id}</c>. Row keys are reverse times
/// (<c>DateTimeOffset.MaxValue.Ticks - RunAt.Ticks</c> as 19 digits), so the newest run sorts first and the
/// latest run or a detector's recent history is one query that stops after the rows it needs.
/// </summary>
/// <remarks>
/// The run row contains the detection statistics, report and proposals, each split over chunk properties, and must
/// fit one entity. Saving the same run again replaces its rows and deletes the rows of detectors it no longer lists.
/// </remarks>
public sealed class TableTuningRunStore(TableClient table) : ITuningRunStore
{
    private const string RunPartition = "run";
    private const string DetectorPartitionPrefix = "detector-";
    private const string PerformanceProperty = "Performance";
    private const string ReportProperty = "Report";
    private const string ProposalsProperty = "Proposals";
    private const string DetectorIdsProperty = "DetectorIds";
    private const string StatisticsProperty = "Statistics";

    /// <exception cref="InvalidDataException">The run or one detector's statistics do not fit one entity; the message names the run.</exception>
    public async Task SaveAsync(TuningRunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);

        var rowKey = ReverseTime(run.RunAt);
        var detectorIds = run.Performance.Detectors.Select(detector => detector.DetectorId).Distinct(StringComparer.Ordinal).ToList();
        var runEntity = ToRunEntity(run, rowKey, detectorIds);
        var detectorEntities = run.Performance.Detectors.Select(detector => ToDetectorEntity(run, rowKey, detector)).ToList();

        var previous = await table.GetEntityIfExistsAsync<TableEntity>(RunPartition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);

        // Detector rows go first, so a reader that finds the run row also finds its history.
        foreach (var entity in detectorEntities)
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        await table.UpsertEntityAsync(runEntity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        if (previous.HasValue && previous.Value is { } previousRun)
        {
            var removed = ReadDetectorIds(previousRun).Except(detectorIds, StringComparer.Ordinal);
            foreach (var detectorId in removed)
            {
                await DeleteIfExistsAsync(DetectorPartitionOf(detectorId), rowKey, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <exception cref="InvalidDataException">The stored run is invalid; the message names the entity.</exception>
    public async Task<TuningRunRecord?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunPartition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return ToRun(entity);
        }

        return null;
    }

    /// <exception cref="InvalidDataException">A stored row is invalid; the message names the entity.</exception>
    public async Task<IReadOnlyList<DetectorStatistics>> GetDetectorHistoryAsync(string detectorId, int maxRuns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(detectorId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRuns);

        var history = new List<DetectorStatistics>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DetectorPartitionOf(detectorId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxRuns, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            history.Add(ToStatistics(entity));
            if (history.Count == maxRuns)
            {
                break;
            }
        }

        return history;
    }

    /// <summary>Returns the row key of a run: newer runs get smaller keys, so they sort first.</summary>
    internal static string ReverseTime(DateTimeOffset runAt) =>
        (DateTimeOffset.MaxValue.Ticks - runAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    // Uri.EscapeDataString is reversible, unlike replacing forbidden characters, so two detector ids never share a partition.
    private static string DetectorPartitionOf(string detectorId) =>
        TableKeys.Require(DetectorPartitionPrefix + Uri.EscapeDataString(detectorId), nameof(detectorId));

    private static TableEntity ToRunEntity(TuningRunRecord run, string rowKey, IReadOnlyList<string> detectorIds)
    {
        var entity = new TableEntity(RunPartition, rowKey)
        {
            ["RunAtTicks"] = run.RunAt.UtcTicks,
        };
        ChunkedText.Write(entity, DetectorIdsProperty, JsonSerializer.Serialize(detectorIds, OutputJson.Options));
        var performance = JsonSerializer.Serialize(run.Performance, OutputJson.Options);
        ChunkedText.Write(entity, PerformanceProperty, performance);
        ChunkedText.Write(entity, ReportProperty, run.ReportMarkdown);
        ChunkedText.Write(entity, ProposalsProperty, run.ProposalsJson);
        EntitySize.EnsureFits(entity, string.Create(CultureInfo.InvariantCulture,
            $"Tuning run {run.RunAt:O} ({performance.Length} characters of statistics, {run.ReportMarkdown.Length} of report, {run.ProposalsJson.Length} of proposals)"));
        return entity;
    }

    private static TableEntity ToDetectorEntity(TuningRunRecord run, string rowKey, DetectorPerformance detector)
    {
        var entity = new TableEntity(DetectorPartitionOf(detector.DetectorId), rowKey)
        {
            ["DetectorId"] = detector.DetectorId,
            ["RunAtTicks"] = run.RunAt.UtcTicks,
            ["PeriodStartTicks"] = run.Performance.PeriodStart?.UtcTicks,
            ["PeriodEndTicks"] = run.Performance.PeriodEnd?.UtcTicks,
        };
        ChunkedText.Write(entity, StatisticsProperty, JsonSerializer.Serialize(detector, OutputJson.Options));
        EntitySize.EnsureFits(entity, string.Create(CultureInfo.InvariantCulture, $"Statistics of detector {detector.DetectorId} in tuning run {run.RunAt:O}"));
        return entity;
    }

    private static TuningRunRecord ToRun(TableEntity entity)
    {
        var where = $"Tuning run entity '{entity.PartitionKey}'/'{entity.RowKey}' in table storage";
        var performance = ChunkedText.Read(entity, PerformanceProperty) ?? throw Missing(where, PerformanceProperty);
        return new TuningRunRecord(
            TimeOf(entity, "RunAtTicks", where),
            StoredJson.Deserialize<DetectionPerformance>(performance, where),
            ChunkedText.Read(entity, ReportProperty) ?? throw Missing(where, ReportProperty),
            ChunkedText.Read(entity, ProposalsProperty) ?? throw Missing(where, ProposalsProperty));
    }

    private static DetectorStatistics ToStatistics(TableEntity entity)
    {
        var where = $"Detector statistics entity '{entity.PartitionKey}'/'{entity.RowKey}' in table storage";
        var json = ChunkedText.Read(entity, StatisticsProperty) ?? throw Missing(where, StatisticsProperty);
        return new DetectorStatistics(
            TimeOf(entity, "RunAtTicks", where),
            OptionalTimeOf(entity, "PeriodStartTicks"),
            OptionalTimeOf(entity, "PeriodEndTicks"),
            StoredJson.Deserialize<DetectorPerformance>(json, where));
    }

    private static List<string> ReadDetectorIds(TableEntity runEntity) =>
        ChunkedText.Read(runEntity, DetectorIdsProperty) is { } json
            ? JsonSerializer.Deserialize<List<string>>(json, OutputJson.Options) ?? []
            : [];

    private async Task DeleteIfExistsAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (TableErrors.IsNotFound(error))
        {
            // Already gone.
        }
    }

    // Ticks keep the full precision of RunAt, because a table DateTime property stores only milliseconds.
    private static DateTimeOffset TimeOf(TableEntity entity, string property, string where) =>
        OptionalTimeOf(entity, property) ?? throw new InvalidDataException($"{where} is missing property '{property}'.");

    private static DateTimeOffset? OptionalTimeOf(TableEntity entity, string property) =>
        entity.GetInt64(property) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static InvalidDataException Missing(string where, string property) =>
        new($"{where} has no '{property}' in properties '{property}00' onward.");
}
