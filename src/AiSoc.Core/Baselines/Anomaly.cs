using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>One deviation from a baseline, with the baseline facts that explain it.</summary>
/// <param name="Subject">The baseline's entity key: a user, IP, account or host.</param>
/// <param name="Score">How far the observation is from the baseline, from 0 (barely) to 1 (as far as the detector measures).</param>
/// <param name="Reason">One sentence that states the observation and the baseline it breaks.</param>
/// <param name="Evidence">Baseline facts as text, such as known countries with counts.</param>
public sealed record Anomaly(
    AnomalyKind Kind,
    DateTimeOffset Time,
    string Subject,
    double Score,
    string Reason,
    IReadOnlyDictionary<string, string> Evidence,
    IReadOnlyList<Entity> Entities,
    RawRecordRef Raw);
