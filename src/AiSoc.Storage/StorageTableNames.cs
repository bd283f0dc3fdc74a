namespace AiSoc.Storage;

/// <summary>Default table names; hosts may prefix them to share one storage account between environments.</summary>
public static class StorageTableNames
{
    public const string Approvals = "approvals";
    public const string RateCounters = "ratecounters";
    public const string Audit = "audit";
    public const string Alerts = "alerts";
    public const string DeadLetters = "deadletters";
    public const string Watermarks = "watermarks";
    public const string Ingestion = "ingestion";
    public const string Incidents = "incidents";
    public const string Cases = "cases";
    public const string TuningRuns = "tuningruns";
    public const string Baselines = "baselines";

    public static IReadOnlyList<string> All { get; } =
        [Approvals, RateCounters, Audit, Alerts, DeadLetters, Watermarks, Ingestion, Incidents, Cases, TuningRuns, Baselines];
}
