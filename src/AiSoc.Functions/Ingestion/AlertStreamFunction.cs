using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Ingestion;

/// <summary>
/// Event Hubs trigger for alert streams: Sentinel data export (<c>{"records":[SecurityAlert rows]}</c>) and the
/// Defender XDR streaming API (<c>{"records":[{"category":"AdvancedHunting-…","properties":{…}}]}</c>).
/// </summary>
public sealed class AlertStreamFunction(AlertStreamIngestor ingestor, IOptions<AlertStreamOptions> options)
{
    /// <summary>Trigger entry point: ingests one batch; the table client retries transient storage failures.</summary>
    /// <remarks>NOTE: the 5.x Event Hubs binding accepts no function-level retry attribute, so a storage outage
    /// that outlasts the table client's retries fails the batch after the host has checkpointed it.</remarks>
    [Function("AlertStream")]
    public Task RunAsync(
        [EventHubTrigger(AlertStreamBinding.EventHubName, Connection = AlertStreamBinding.Connection, ConsumerGroup = AlertStreamBinding.ConsumerGroup, IsBatched = true)] string[] events,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        IngestAsync(events, context, cancellationToken);

    /// <summary>Ingests the bodies of one batch with the positions from the trigger's binding data.</summary>
    public async Task IngestAsync(string[] events, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(context);

        var batch = EventHubBindingData.ToEvents(events, context.BindingContext.BindingData);
        await ingestor.IngestAsync(options.Value.EventHubName, batch, cancellationToken).ConfigureAwait(false);
    }
}
