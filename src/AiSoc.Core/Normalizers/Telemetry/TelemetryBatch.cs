using AiSoc.Core.Ingest;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>The observations read from telemetry files, each list in time order, and the rows that were rejected.</summary>
/// <param name="DuplicateSignIns">Sign-in rows skipped because an earlier row had the same <c>Id</c>.</param>
public sealed record TelemetryBatch(
    IReadOnlyList<SignInObservation> SignIns,
    IReadOnlyList<LogonObservation> Logons,
    IReadOnlyList<ProcessObservation> Processes,
    IReadOnlyList<RejectedRecord> Rejects,
    long Records,
    long DuplicateSignIns);
