using AiSoc.Core.Baselines;
using static AiSoc.Core.Tests.Baselines.Observations;

namespace AiSoc.Core.Tests.Baselines;

public class ProcessBaselineTests
{
    private static readonly BaselineOptions Options = new() { ProcessWarmUp = new WarmUp(20, 0), RareProcessPairMaxShare = 0.01 };

    [Fact]
    public void RarePair_WordStartsPowerShell_Flagged()
    {
        var history = Enumerable.Range(0, 20).Select(i => Process(Start.AddMinutes(i)));
        var batch = Batch(processes: [.. history, Process(Start.AddHours(1), parent: "WINWORD.EXE", child: "powershell.exe")]);

        var anomalies = Run(Options, batch);

        var rare = Assert.Single(anomalies);
        Assert.Equal(AnomalyKind.ProcessRarePair, rare.Kind);
        Assert.Equal("winword.exe -> powershell.exe", rare.Evidence["pair"]);
        Assert.Equal("0", rare.Evidence["pairCount"]);
        Assert.Equal("20", rare.Evidence["hostProcessCreations"]);
        Assert.Equal(1, rare.Score);
    }

    [Fact]
    public void RarePair_KnownPair_NotFlagged()
    {
        var history = Enumerable.Range(0, 20).Select(i => Process(Start.AddMinutes(i)));
        var batch = Batch(processes: [.. history, Process(Start.AddHours(1))]);

        var anomalies = Run(Options, batch);

        Assert.Empty(anomalies);
    }

    [Fact]
    public void RarePair_DuringWarmUp_NotFlagged()
    {
        var history = Enumerable.Range(0, 19).Select(i => Process(Start.AddMinutes(i)));
        var batch = Batch(processes: [.. history, Process(Start.AddHours(1), parent: "WINWORD.EXE", child: "powershell.exe")]);

        var anomalies = Run(Options, batch);

        Assert.Empty(anomalies);
    }

    [Fact]
    public void RarePair_KnownOnOtherHost_Flagged()
    {
        var history = Enumerable.Range(0, 20).Select(i => Process(Start.AddMinutes(i), host: "host2"));
        var other = Enumerable.Range(0, 20).Select(i => Process(Start.AddMinutes(i), parent: "cmd.exe", child: "whoami.exe"));
        var batch = Batch(processes: [.. history, .. other, Process(Start.AddHours(1), parent: "explorer.exe", child: "notepad.exe")]);

        var anomalies = Run(Options, batch);

        var rare = Assert.Single(anomalies);
        Assert.Equal("host1", rare.Subject);
    }

    [Fact]
    public void Anomaly_Process_HasHostAndProcessEntities()
    {
        var history = Enumerable.Range(0, 20).Select(i => Process(Start.AddMinutes(i)));
        var batch = Batch(processes: [.. history, Process(Start.AddHours(1), parent: "WINWORD.EXE", child: "powershell.exe")]);

        var rare = Assert.Single(Run(Options, batch));

        Assert.Contains(rare.Entities, e => e is Schema.HostEntity { HostName: "host1" });
        Assert.Contains(rare.Entities, e => e is Schema.ProcessEntity { ImageFileName: "powershell.exe", ParentImageFileName: "WINWORD.EXE" });
    }
}
