using AiSoc.Core.Baselines;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Baselines;

/// <summary>Builds small hand-made observations and runs the engine on them.</summary>
internal static class Observations
{
    public static readonly DateTimeOffset Start = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    public static readonly GeoPoint Seattle = new(47.6062, -122.3321);
    public static readonly GeoPoint Redmond = new(47.6740, -122.1215);
    public static readonly GeoPoint Paris = new(48.8566, 2.3522);

    private static readonly RawRecordRef Raw = new("test.json", 0);
    private static int _next;

    /// <summary>Options with no warm-up, so single hand-made observations can raise "new" anomalies.</summary>
    public static BaselineOptions NoWarmUp => new()
    {
        SignInWarmUp = new WarmUp(0, 0),
        LogonWarmUp = new WarmUp(0, 0),
        ProcessWarmUp = new WarmUp(0, 0),
    };

    public static SignInObservation SignIn(DateTimeOffset time, string user = "alice@contoso.com", string country = "US",
        GeoPoint? point = null, bool success = true, string ip = "203.0.113.10", string? asn = null,
        string os = "Windows 10", string browser = "Edge 120", string clientApp = "Browser") =>
        new(
            "id-" + Interlocked.Increment(ref _next),
            time,
            user,
            user,
            null,
            ip,
            success ? "0" : "50126",
            country,
            null,
            country == "US" ? "Seattle" : "Paris",
            point ?? (country == "US" ? Seattle : Paris),
            "Office 365 Exchange Online",
            clientApp,
            os,
            browser,
            asn,
            Raw);

    public static LogonObservation Logon(DateTimeOffset time, string? ip = "10.0.0.5", string? workstation = "WS1", int logonType = 3,
        bool success = true, string user = "alice") =>
        new(time, success ? 4624 : 4625, "contoso\\" + user, user, "CONTOSO", "SRV1", ip, workstation, logonType, Raw);

    public static ProcessObservation Process(DateTimeOffset time, string parent = "explorer.exe", string child = "notepad.exe",
        string host = "host1") =>
        new(time, host, host, null, child, parent, child + " /x", "alice", Raw);

    public static TelemetryBatch Batch(IEnumerable<SignInObservation>? signIns = null, IEnumerable<LogonObservation>? logons = null,
        IEnumerable<ProcessObservation>? processes = null) =>
        new([.. signIns ?? []], [.. logons ?? []], [.. processes ?? []], [], 0, 0);

    public static IReadOnlyList<Anomaly> Run(BaselineOptions options, BaselineState state, TelemetryBatch batch) =>
        new BaselineEngine(options).Update(state, batch).Anomalies;

    public static IReadOnlyList<Anomaly> Run(BaselineOptions options, TelemetryBatch batch) => Run(options, new BaselineState(), batch);
}
