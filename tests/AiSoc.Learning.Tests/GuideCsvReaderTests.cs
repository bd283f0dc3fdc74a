using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Data;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class GuideCsvReaderTests
{
    private const string Header = "Id,OrgId,IncidentId,AlertId,Timestamp,DetectorId,AlertTitle,Category,MitreTechniques,IncidentGrade,EntityType,EvidenceRole,SuspicionLevel,LastVerdict";

    [Fact]
    public void Read_GuideSample_ReadsEveryRow()
    {
        var rows = GuideCsvReader.Read(GuideSample.Path);

        Assert.Equal(5021, rows.Count);
    }

    [Fact]
    public void Read_QuotedTechniques_SplitsOnSemicolons()
    {
        using var files = new TempFiles();
        var path = files.Write("g.csv", Header + "\n1,7,10,20,2024-06-01T00:00:00.000Z,5,6,Execution,\"T1059;T1106\",TruePositive,Ip,Related,,\n");

        var row = Assert.Single(GuideCsvReader.Read(path));

        Assert.Equal(["T1059", "T1106"], row.Techniques);
    }

    [Fact]
    public void Read_InvalidGrade_ErrorNamesLocation()
    {
        using var files = new TempFiles();
        var path = files.Write("g.csv", Header + "\n1,7,10,20,2024-06-01T00:00:00.000Z,5,6,Execution,,Maybe,Ip,Related,,\n");

        var exception = Assert.Throws<LabelledDataException>(() => GuideCsvReader.Read(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains("IncidentGrade 'Maybe'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SevenColumnSubset_RejectedForMissingOrgId()
    {
        using var files = new TempFiles();
        var path = files.Write("subset.csv", "Id,IncidentId,AlertId,Category,IncidentGrade,ActionGrouped,ActionGranular\n1,2,3,Execution,TruePositive,,\n");

        var exception = Assert.Throws<LabelledDataException>(() => GuideCsvReader.Read(path));

        Assert.Contains("OrgId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToAlerts_GuideSample_UniqueAlertKeys()
    {
        var alerts = GuideSample.Alerts;

        Assert.Equal(alerts.Count, alerts.Select(alert => alert.AlertKey).Distinct().Count());
        Assert.Equal(5021, alerts.Sum(alert => alert.EvidenceCount));
    }
}
