using System.Text;
using System.Text.Json;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;
using AiSoc.Functions.Ingestion;
using AiSoc.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Graph;

/// <summary>
/// Polls Graph security alerts and incidents changed since the stored <c>lastUpdateDateTime</c> watermark minus
/// an overlap, ingests them like stream events, and moves the watermark to the latest
/// <c>lastUpdateDateTime</c> read. The watermark moves only after every item is stored, so a failed poll is
/// read again.
/// </summary>
public sealed partial class GraphSecurityPoller(
    IGraphSecurityFeed feed,
    IWatermarkStore watermarks,
    AlertStreamIngestor ingestor,
    IOptions<GraphPollingOptions> options,
    TimeProvider timeProvider,
    ILogger<GraphSecurityPoller> logger)
{
    /// <summary>Polls every resource once.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in Enum.GetValues<GraphSecurityResource>())
        {
            await PollAsync(resource, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls one resource and returns the counts of what was read.</summary>
    public async Task<StreamBatchResult> PollAsync(GraphSecurityResource resource, CancellationToken cancellationToken)
    {
        var source = SourceName(resource);
        var watermark = await watermarks.GetAsync(source, cancellationToken).ConfigureAwait(false);
        var since = watermark is { } stored
            ? stored - options.Value.Overlap
            : timeProvider.GetUtcNow() - options.Value.InitialLookback;

        var events = new List<StreamEvent>();
        DateTimeOffset? latest = null;
        await foreach (var item in feed.ReadChangedAsync(resource, since, cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StreamEvent(Encoding.UTF8.GetBytes(item.GetRawText()), null, null, null));
            if (ReadLastUpdate(item) is { } updated && (latest is null || updated > latest))
            {
                latest = updated;
            }
        }

        var result = await ingestor.IngestAsync(source, events, cancellationToken).ConfigureAwait(false);
        if (latest is { } next)
        {
            await watermarks.SetAsync(source, next, cancellationToken).ConfigureAwait(false);
        }

        LogPolled(logger, source, since, events.Count, latest ?? watermark);
        return result;
    }

    /// <summary>Returns the watermark and dead-letter source name of a resource, such as <c>graph-alerts_v2</c>.</summary>
    public static string SourceName(GraphSecurityResource resource) => resource switch
    {
        GraphSecurityResource.Alerts => "graph-alerts_v2",
        _ => "graph-incidents",
    };

    private static DateTimeOffset? ReadLastUpdate(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("lastUpdateDateTime", out var value)
            && value.ValueKind == JsonValueKind.String && UtcTimestamp.TryParse(value.GetString()!, out var time)
            ? time
            : null;

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "Polled {Source} since {Since:o}: {ItemCount} items, watermark {Watermark:o}")]
    private static partial void LogPolled(ILogger logger, string source, DateTimeOffset since, int itemCount, DateTimeOffset? watermark);
}
