using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>Everything one baseline run read, counted and found, for the output files.</summary>
/// <param name="Files">The telemetry files read.</param>
/// <param name="Alerts">The anomalies as alerts, in the same order as <see cref="Result"/>'s anomalies.</param>
public sealed record BaselineRun(
    IReadOnlyList<string> Files,
    TelemetryBatch Telemetry,
    BaselineRunResult Result,
    IReadOnlyList<NormalizedAlert> Alerts,
    BaselineState State);
