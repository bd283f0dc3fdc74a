using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Telemetry;

namespace AiSoc.Core.Baselines;

/// <summary>Reads telemetry files, updates a baseline state and turns the anomalies into alerts.</summary>
public sealed class BaselineRunner(BaselineOptions options)
{
    private readonly BaselineEngine _engine = new(options);

    /// <summary>
    /// Counts the telemetry of <paramref name="catalog"/> into <paramref name="state"/>. The caller loads and saves
    /// the state with <see cref="BaselineStateStore"/>, saving only after the outputs are written, so a failed run
    /// can be repeated with the same result.
    /// </summary>
    /// <exception cref="InputReadException">A telemetry file could not be read.</exception>
    public BaselineRun Run(InputCatalog catalog, BaselineState state)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var telemetry = TelemetryReader.Read(catalog);
        var result = _engine.Update(state, telemetry);
        var alerts = result.Anomalies.Select(AnomalyAlertFactory.Create).ToList();

        return new BaselineRun(catalog.Files, telemetry, result, alerts, state);
    }
}
