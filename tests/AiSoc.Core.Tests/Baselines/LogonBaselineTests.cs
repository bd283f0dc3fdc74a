using AiSoc.Core.Baselines;
using static AiSoc.Core.Tests.Baselines.Observations;

namespace AiSoc.Core.Tests.Baselines;

public class LogonBaselineTests
{
    [Fact]
    public void NewSource_UnseenIpAfterWarmUp_Flagged()
    {
        var history = Enumerable.Range(0, 10).Select(i => Logon(Start.AddDays(i)));
        var batch = Batch(logons: [.. history, Logon(Start.AddDays(20), ip: "10.9.9.9", workstation: "WS1")]);

        var anomalies = Run(new BaselineOptions(), batch);

        var newSource = Assert.Single(anomalies, a => a.Kind == AnomalyKind.LogonNewSource);
        Assert.Equal("contoso\\alice", newSource.Subject);
        Assert.Equal("10.9.9.9", newSource.Evidence["newSourceIp"]);
        Assert.Equal("no", newSource.Evidence["newWorkstation"]);
        Assert.Equal("10.0.0.5 (10)", newSource.Evidence["knownSourceIps"]);
    }

    [Fact]
    public void NewSource_UnseenWorkstation_Flagged()
    {
        var batch = Batch(logons: [Logon(Start), Logon(Start.AddHours(1), workstation: "WS2")]);

        var anomalies = Run(NoWarmUp, batch);

        var newSource = Assert.Single(anomalies, a => a.Kind == AnomalyKind.LogonNewSource);
        Assert.Equal("WS2", newSource.Evidence["newWorkstation"]);
    }

    [Fact]
    public void NewSource_DuringWarmUp_NotFlagged()
    {
        var history = Enumerable.Range(0, 9).Select(i => Logon(Start.AddDays(i)));
        var batch = Batch(logons: [.. history, Logon(Start.AddDays(20), ip: "10.9.9.9")]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.Empty(anomalies);
    }

    [Fact]
    public void NewSource_MissingSource_NotFlagged()
    {
        var batch = Batch(logons: [Logon(Start), Logon(Start.AddHours(1), ip: null, workstation: null)]);

        var anomalies = Run(NoWarmUp, batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.LogonNewSource);
    }

    [Fact]
    public void NewSource_FailedLogonFromIt_StillNew()
    {
        var batch = Batch(logons: [Logon(Start), Logon(Start.AddHours(1), ip: "10.9.9.9", success: false), Logon(Start.AddHours(2), ip: "10.9.9.9")]);

        var anomalies = Run(NoWarmUp, batch);

        var newSource = Assert.Single(anomalies, a => a.Kind == AnomalyKind.LogonNewSource);
        Assert.Equal(Start.AddHours(2), newSource.Time);
    }

    [Fact]
    public void RareType_RemoteInteractiveAfterNetworkLogons_Flagged()
    {
        var history = Enumerable.Range(0, 10).Select(i => Logon(Start.AddDays(i)));
        var batch = Batch(logons: [.. history, Logon(Start.AddDays(20), logonType: 10)]);

        var anomalies = Run(new BaselineOptions(), batch);

        var rare = Assert.Single(anomalies, a => a.Kind == AnomalyKind.LogonRareType);
        Assert.Equal("10", rare.Evidence["logonType"]);
        Assert.Equal("3 (Network) (10)", rare.Evidence["knownLogonTypes"]);
        Assert.Contains("10 (RemoteInteractive)", rare.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RareType_CommonType_NotFlagged()
    {
        var history = Enumerable.Range(0, 10).Select(i => Logon(Start.AddDays(i), logonType: i % 2 == 0 ? 3 : 2));
        var batch = Batch(logons: [.. history, Logon(Start.AddDays(20), logonType: 2)]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.LogonRareType);
    }

    [Fact]
    public void Anomaly_Logon_HasAccountHostAndIpEntities()
    {
        var batch = Batch(logons: [Logon(Start), Logon(Start.AddHours(1), ip: "10.9.9.9")]);

        var anomaly = Assert.Single(Run(NoWarmUp, batch));

        Assert.Contains(anomaly.Entities, e => e is Schema.AccountEntity { Name: "alice", NtDomain: "CONTOSO" });
        Assert.Contains(anomaly.Entities, e => e is Schema.HostEntity { HostName: "SRV1" });
        Assert.Contains(anomaly.Entities, e => e is Schema.IpEntity { Address: "10.9.9.9" });
    }
}
