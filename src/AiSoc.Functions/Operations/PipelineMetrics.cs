using System.Diagnostics.Metrics;

namespace AiSoc.Functions.Operations;

/// <summary>
/// Observable gauges over the latest <see cref="PipelineHealthSnapshot"/>, on meter <see cref="AiSocTelemetry.MeterName"/>.
/// A gauge reports nothing until the first collection.
/// </summary>
public sealed class PipelineMetrics
{
    public const string IngestionLag = "aisoc.ingestion.lag";
    public const string DeadLetters = "aisoc.deadletters";
    public const string ApprovalsWaiting = "aisoc.approvals.waiting";
    public const string OldestApprovalAge = "aisoc.approvals.oldest_age";
    public const string Investigations = "aisoc.investigations";
    public const string MissedEvents = "aisoc.ingestion.missed_events";

    public PipelineMetrics(IMeterFactory meterFactory, PipelineHealthCollector collector)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(collector);

        var meter = meterFactory.Create(AiSocTelemetry.MeterName, AiSocTelemetry.Version);
        meter.CreateObservableGauge(IngestionLag, () => Each(collector.Last?.IngestionLagSeconds, "source"), "s", "Time since each polled source's watermark, or from enqueue to ingestion of each event hub's newest event.");
        meter.CreateObservableGauge(DeadLetters, () => Each(collector.Last?.DeadLetters, "source"), "{record}", "Dead-lettered records per source.");
        meter.CreateObservableGauge(ApprovalsWaiting, () => collector.Last is { } last ? [new Measurement<int>(last.ApprovalsWaiting)] : Array.Empty<Measurement<int>>(), "{request}", "Pending approval requests that have not expired.");
        meter.CreateObservableGauge(OldestApprovalAge, () => collector.Last?.OldestApprovalAgeSeconds is { } age ? [new Measurement<double>(age)] : Array.Empty<Measurement<double>>(), "s", "Age of the oldest waiting approval request.");
        meter.CreateObservableGauge(MissedEvents, () => Each(collector.Last?.Streams?.ToDictionary(pair => pair.Key, pair => pair.Value.EventsMissed), "source"), "{event}", "Events an event hub assigned sequence numbers to that ingestion never read.");
        meter.CreateObservableGauge(Investigations, () => Each(collector.Last?.InvestigationsByStage, "stage"), "{investigation}", "Investigations per stage.");
    }

    private static IEnumerable<Measurement<T>> Each<T>(IReadOnlyDictionary<string, T>? values, string tag)
        where T : struct =>
        values is null ? [] : values.Select(pair => new Measurement<T>(pair.Value, new KeyValuePair<string, object?>(tag, pair.Key)));

    private static IEnumerable<Measurement<double>> Each(IReadOnlyDictionary<string, double?>? values, string tag) =>
        values is null
            ? []
            : values.Where(pair => pair.Value.HasValue).Select(pair => new Measurement<double>(pair.Value!.Value, new KeyValuePair<string, object?>(tag, pair.Key)));
}
