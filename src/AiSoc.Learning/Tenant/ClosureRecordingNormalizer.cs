using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Learning.Tenant;

/// <summary>
/// Wraps a normalizer and records the verdict closure of each incident or alert record it normalizes in a
/// <see cref="ClosureLog"/>. Normalized results pass through unchanged.
/// </summary>
public sealed class ClosureRecordingNormalizer(IRecordNormalizer inner, ClosureLog log) : IRecordNormalizer
{
    public string Format => inner.Format;

    /// <summary>Creates the registry of <see cref="KnownFormats"/> with every normalizer wrapped.</summary>
    public static NormalizerRegistry CreateRegistry(ClosureLog log)
    {
        ArgumentNullException.ThrowIfNull(log);

        return new NormalizerRegistry(
            KnownFormats.CreateRegistry().Normalizers.Select(normalizer => new ClosureRecordingNormalizer(normalizer, log)).ToArray());
    }

    public bool CanNormalize(JsonElement record) => inner.CanNormalize(record);

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var result = inner.Normalize(record, raw);

        switch (inner.Format)
        {
            case "sentinel-incident" when result.Incident is { } incident:
                log.AddIncident(incident, ClosureReader.SentinelIncident(record));
                break;
            case "graph-incident" when result.Incident is { } incident:
                log.AddIncident(incident, ClosureReader.GraphIncident(record));
                AddExpandedAlerts(record, result.Alerts);
                break;
            case "graph-alert-v2" or "mde-alert":
                foreach (var alert in result.Alerts)
                {
                    log.AddAlert(alert, ClosureReader.Alert(record));
                }

                break;
        }

        return result;
    }

    // A Graph incident read with $expand=alerts carries alerts that have their own classification and assignee.
    private void AddExpandedAlerts(JsonElement record, IReadOnlyList<NormalizedAlert> alerts)
    {
        foreach (var item in JsonFields.Items(record.Get("alerts")))
        {
            var id = item.Str("providerAlertId") ?? item.Str("id");
            var alert = alerts.FirstOrDefault(candidate => candidate.ProviderAlertId == id);
            if (alert is not null)
            {
                log.AddAlert(alert, ClosureReader.Alert(item));
            }
        }
    }
}
