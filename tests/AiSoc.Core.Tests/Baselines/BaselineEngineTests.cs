using AiSoc.Core.Baselines;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Tests.Support;
using static AiSoc.Core.Tests.Baselines.Observations;

namespace AiSoc.Core.Tests.Baselines;

public sealed class BaselineEngineTests : IDisposable
{
    private static readonly BaselineOptions Options = new() { ProcessWarmUp = new WarmUp(20, 0) };

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Update_TwoRuns_SameAsOneRun()
    {
        var (signIns, logons, processes) = MixedTelemetry();
        var expected = Describe(Run(Options, Batch(signIns, logons, processes)));
        var statePath = Path.Combine(_files.Root, "state.json");

        var firstState = BaselineStateStore.Load(statePath);
        var first = Run(Options, firstState, Batch(signIns[..19], logons[..8], processes[..25]));
        BaselineStateStore.Save(firstState, statePath);
        var secondState = BaselineStateStore.Load(statePath);
        var second = Run(Options, secondState, Batch(signIns[19..], logons[8..], processes[25..]));

        Assert.Equal(7, expected.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Describe([.. first, .. second]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_RunPerObservation_SameAsOneRun()
    {
        var (signIns, logons, processes) = MixedTelemetry();
        var expected = Describe(Run(Options, Batch(signIns, logons, processes)));
        var statePath = Path.Combine(_files.Root, "state.json");
        var actual = new List<string>();

        foreach (var batch in signIns.Select(s => Batch([s])).Concat(logons.Select(l => Batch(logons: [l]))).Concat(processes.Select(p => Batch(processes: [p]))))
        {
            var state = BaselineStateStore.Load(statePath);
            actual.AddRange(Describe(Run(Options, state, batch)));
            BaselineStateStore.Save(state, statePath);
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_SameBatchTwice_SecondRunSkipsAll()
    {
        var (signIns, logons, processes) = MixedTelemetry();
        var state = new BaselineState();
        var engine = new BaselineEngine(Options);
        engine.Update(state, Batch(signIns, logons, processes));

        var again = engine.Update(state, Batch(signIns, logons, processes));

        Assert.Empty(again.Anomalies);
        Assert.Equal(0, again.Observed);
        Assert.Equal(signIns.Length + logons.Length + processes.Length, again.Skipped);
    }

    [Fact]
    public void Update_EqualTimestampsInOneRun_AllCounted()
    {
        var batch = Batch(processes: [Process(Start), Process(Start), Process(Start, child: "calc.exe")]);

        var result = new BaselineEngine(Options).Update(new BaselineState(), batch);

        Assert.Equal(3, result.Observed);
        Assert.Equal(0, result.Skipped);
    }

    [Fact]
    public void StateStore_SaveLoadSave_SameJson()
    {
        var (signIns, logons, processes) = MixedTelemetry();
        var state = new BaselineState();
        Run(Options, state, Batch(signIns, logons, processes));
        var firstPath = Path.Combine(_files.Root, "first.json");
        var secondPath = Path.Combine(_files.Root, "second.json");

        BaselineStateStore.Save(state, firstPath);
        BaselineStateStore.Save(BaselineStateStore.Load(firstPath), secondPath);

        Assert.Equal(File.ReadAllText(firstPath), File.ReadAllText(secondPath));
    }

    [Fact]
    public void StateStore_MissingFile_EmptyState()
    {
        var state = BaselineStateStore.Load(Path.Combine(_files.Root, "missing.json"));

        Assert.Empty(state.Users);
        Assert.Null(state.SignInsThrough);
    }

    [Fact]
    public void StateStore_InvalidJson_ErrorNamesFile()
    {
        var path = _files.Write("state.json", "{ not json");

        var error = Assert.Throws<BaselineStateException>(() => BaselineStateStore.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Delete the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateStore_OtherVersion_Rejected()
    {
        var path = _files.Write("state.json", """{ "version": 99 }""");

        var error = Assert.Throws<BaselineStateException>(() => BaselineStateStore.Load(path));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_InvalidOptions_ArgumentException()
    {
        var options = new BaselineOptions { ImpossibleTravelSpeedKmh = 0, RareProcessPairMaxShare = 1.5 };

        var error = Assert.Throws<ArgumentException>(() => new BaselineEngine(options));

        Assert.Contains("ImpossibleTravelSpeedKmh is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("RareProcessPairMaxShare is 1.5", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Describe(IEnumerable<Anomaly> anomalies) =>
        [.. anomalies.Select(a => $"{a.Kind}|{a.Time:O}|{a.Subject}|{a.Score:0.######}|{a.Reason}")];

    /// <summary>Telemetry that raises several kinds of anomaly: travel, new country, failure burst, new logon source, rare process pair.</summary>
    private static (SignInObservation[] SignIns, LogonObservation[] Logons, ProcessObservation[] Processes) MixedTelemetry()
    {
        var signIns = new List<SignInObservation>();
        signIns.AddRange(Enumerable.Range(0, 12).Select(i => SignIn(Start.AddDays(i))));
        signIns.AddRange(Enumerable.Range(0, 6).Select(i => SignIn(Start.AddDays(13).AddMinutes(i), success: false)));
        signIns.Add(SignIn(Start.AddDays(13).AddMinutes(10)));
        signIns.Add(SignIn(Start.AddDays(13).AddMinutes(40), country: "FR"));
        signIns.AddRange(Enumerable.Range(0, 5).Select(i => SignIn(Start.AddDays(14 + i), country: "FR", browser: i == 4 ? "Firefox 121" : "Edge 120")));

        var logons = Enumerable.Range(0, 12).Select(i => Logon(Start.AddDays(i), ip: i == 11 ? "10.9.9.9" : "10.0.0.5", logonType: i == 10 ? 10 : 3)).ToArray();

        var processes = Enumerable.Range(0, 30)
            .Select(i => Process(Start.AddDays(i % 10).AddMinutes(i), child: i == 28 ? "powershell.exe" : "notepad.exe"))
            .OrderBy(p => p.Time)
            .ToArray();

        return ([.. signIns], logons, processes);
    }
}
