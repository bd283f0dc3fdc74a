using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Baselines;
using AiSoc.Core.Output;
using Azure;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// An <see cref="IBaselineStateRepository"/> in Azure Table Storage. Each scope is one partition,
/// <c>scope-{escaped scope}</c>, with a head row and the state JSON split over data rows of one generation,
/// <c>{generation}-{part}</c>. A save writes a new generation under a fresh id, then replaces the head under the
/// loaded ETag (the version token), so a reader that follows the head never reads half a state and a second
/// writer gets <see cref="BaselineStateConflictException"/>. The previous generation is kept until the next save
/// for readers that read the old head; older ones are deleted.
/// </summary>
/// <remarks>
/// NOTE: data rows of a writer that stops between writing its generation and replacing the head stay in the
/// partition unused. Only a writer that loses the head race deletes its own rows.
/// </remarks>
public sealed class TableBaselineStateRepository(TableClient table) : IBaselineStateRepository
{
    /// <summary>State JSON characters per data row: 14 chunk properties, so a row stays under the entity size limit.</summary>
    public const int RowLength = 14 * ChunkedText.ChunkLength;

    private const string PartitionPrefix = "scope-";
    private const string HeadRowKey = "head";
    private const string CurrentProperty = "Current";
    private const string CurrentRowsProperty = "CurrentRows";
    private const string PreviousProperty = "Previous";
    private const string PreviousRowsProperty = "PreviousRows";
    private const string JsonProperty = "Json";
    private const int MaxReadAttempts = 5;

    private static readonly JsonSerializerOptions Options = CreateOptions();

    public async Task<VersionedBaselineState> LoadAsync(string scope, CancellationToken cancellationToken = default)
    {
        var partition = PartitionOf(scope);
        ETag? incompleteHead = null;
        for (var attempt = 1; attempt <= MaxReadAttempts; attempt++)
        {
            var head = await table.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!head.HasValue || head.Value is not { } current)
            {
                return new VersionedBaselineState(new BaselineState(), null);
            }

            var generation = current.GetString(CurrentProperty) ?? throw Invalid(scope, $"head row has no '{CurrentProperty}'");
            var rows = current.GetInt32(CurrentRowsProperty) ?? throw Invalid(scope, $"head row has no '{CurrentRowsProperty}'");
            var json = await ReadGenerationAsync(partition, generation, rows, cancellationToken).ConfigureAwait(false);
            if (json is not null)
            {
                return new VersionedBaselineState(Deserialize(scope, json), current.ETag.ToString());
            }

            // Two saves replaced the head since it was read and removed this generation, so the new head is read.
            // A head that names the same incomplete generation twice means rows were lost, not replaced.
            if (incompleteHead == current.ETag)
            {
                throw Invalid(scope, string.Create(CultureInfo.InvariantCulture, $"generation {generation} lacks some of its {rows} data rows"));
            }

            incompleteHead = current.ETag;
        }

        throw new BaselineStateException($"Baseline state of scope '{scope}' in table storage changed during each of {MaxReadAttempts} reads. Try again.");
    }

    public async Task<string> SaveAsync(string scope, BaselineState state, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);

        var partition = PartitionOf(scope);
        var head = await table.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var stored = head.HasValue ? head.Value : null;
        if (stored?.ETag.ToString() != expectedVersion)
        {
            throw Conflict(scope, expectedVersion);
        }

        var generation = Guid.NewGuid().ToString("N");
        var json = JsonSerializer.Serialize(state, Options);
        var rows = await WriteGenerationAsync(partition, generation, json, cancellationToken).ConfigureAwait(false);

        var newHead = new TableEntity(partition, HeadRowKey)
        {
            [CurrentProperty] = generation,
            [CurrentRowsProperty] = rows,
            [PreviousProperty] = stored?.GetString(CurrentProperty),
            [PreviousRowsProperty] = stored?.GetInt32(CurrentRowsProperty),
            ["StateCharacters"] = json.Length,
        };

        Response response;
        try
        {
            response = stored is null
                ? await table.AddEntityAsync(newHead, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(newHead, stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (TableErrors.IsConflict(error) || TableErrors.IsPreconditionFailed(error))
        {
            await DeleteGenerationAsync(partition, generation, rows, cancellationToken).ConfigureAwait(false);
            throw Conflict(scope, expectedVersion, error);
        }

        if (stored?.GetString(PreviousProperty) is { } oldest && stored.GetInt32(PreviousRowsProperty) is { } oldestRows)
        {
            await DeleteGenerationAsync(partition, oldest, oldestRows, cancellationToken).ConfigureAwait(false);
        }

        return response.Headers.ETag?.ToString() ?? throw new BaselineStateException($"Table storage returned no ETag for the baseline state head of scope '{scope}'.");
    }

    private async Task<int> WriteGenerationAsync(string partition, string generation, string json, CancellationToken cancellationToken)
    {
        var rows = Math.Max(1, (json.Length + RowLength - 1) / RowLength);
        for (var part = 0; part < rows; part++)
        {
            var start = part * RowLength;
            var entity = new TableEntity(partition, RowKeyOf(generation, part));
            ChunkedText.Write(entity, JsonProperty, json.Substring(start, Math.Min(RowLength, json.Length - start)));
            EntitySize.EnsureFits(entity, $"Part {part} of the baseline state in partition '{partition}'");
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    // Returns null when a row of the generation is missing, because a later save deleted it.
    private async Task<string?> ReadGenerationAsync(string partition, string generation, int rows, CancellationToken cancellationToken)
    {
        var parts = new string?[rows];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {generation + "-"} and RowKey lt {generation + "."}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var part = int.Parse(entity.RowKey.AsSpan(generation.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (part < rows)
            {
                parts[part] = ChunkedText.Read(entity, JsonProperty);
            }
        }

        return parts.Any(part => part is null) ? null : string.Concat(parts);
    }

    private async Task DeleteGenerationAsync(string partition, string generation, int rows, CancellationToken cancellationToken)
    {
        for (var part = 0; part < rows; part++)
        {
            try
            {
                await table.DeleteEntityAsync(partition, RowKeyOf(generation, part), ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException error) when (TableErrors.IsNotFound(error))
            {
                // Already deleted by an earlier attempt.
            }
        }
    }

    private static BaselineState Deserialize(string scope, string json)
    {
        BaselineState? state;
        try
        {
            state = JsonSerializer.Deserialize<BaselineState>(json, Options);
        }
        catch (JsonException error)
        {
            throw Invalid(scope, $"state JSON is invalid at {error.Path}: {error.Message}");
        }

        if (state is null)
        {
            throw Invalid(scope, "state JSON is null");
        }

        if (state.Version != BaselineState.CurrentVersion)
        {
            throw Invalid(scope, string.Create(CultureInfo.InvariantCulture, $"state has version {state.Version}, but this version of aisoc reads version {BaselineState.CurrentVersion}"));
        }

        return state;
    }

    // Uri.EscapeDataString is reversible, so two scope names never share a partition.
    private static string PartitionOf(string scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return TableKeys.Require(PartitionPrefix + Uri.EscapeDataString(scope), nameof(scope));
    }

    private static string RowKeyOf(string generation, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"{generation}-{part:D5}");

    private static BaselineStateConflictException Conflict(string scope, string? expectedVersion, Exception? inner = null)
    {
        var message = $"Baseline state of scope '{scope}' was saved by another run after this run loaded version {expectedVersion ?? "none"}. Load the state again and repeat the run.";
        return inner is null ? new BaselineStateConflictException(message) : new BaselineStateConflictException(message, inner);
    }

    private static BaselineStateException Invalid(string scope, string problem) =>
        new($"Invalid baseline state of scope '{scope}' in table storage: {problem}. Delete the partition to start a new baseline.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
