using AiSoc.Core.Baselines;
using static AiSoc.Core.Tests.Baselines.Observations;

namespace AiSoc.Core.Tests.Baselines;

public class PasswordSprayDetectorTests
{
    [Fact]
    public void Spray_TenAccountsFromOneIp_OneAnomaly()
    {
        var failures = Enumerable.Range(0, 12).Select(i => SignIn(Start.AddMinutes(i), user: $"user{i}@contoso.com", success: false, ip: "198.51.100.9"));

        var anomalies = Run(new BaselineOptions(), Batch(failures));

        var spray = Assert.Single(anomalies, a => a.Kind == AnomalyKind.PasswordSpray);
        Assert.Equal("198.51.100.9", spray.Subject);
        Assert.Equal(Start.AddMinutes(9), spray.Time);
        Assert.Equal("10", spray.Evidence["accounts"]);
        Assert.Equal(11, spray.Entities.Count);
    }

    [Fact]
    public void Spray_NineAccounts_NotFlagged()
    {
        var failures = Enumerable.Range(0, 9).Select(i => SignIn(Start.AddMinutes(i), user: $"user{i}@contoso.com", success: false, ip: "198.51.100.9"));

        var anomalies = Run(new BaselineOptions(), Batch(failures));

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.PasswordSpray);
    }

    [Fact]
    public void Spray_OneAccountManyFailures_NotFlagged()
    {
        var failures = Enumerable.Range(0, 30).Select(i => SignIn(Start.AddMinutes(i), success: false, ip: "198.51.100.9"));

        var anomalies = Run(new BaselineOptions(), Batch(failures));

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.PasswordSpray);
    }

    [Fact]
    public void Spray_AccountsSpreadBeyondWindow_NotFlagged()
    {
        var failures = Enumerable.Range(0, 12).Select(i => SignIn(Start.AddMinutes(i * 10), user: $"user{i}@contoso.com", success: false, ip: "198.51.100.9"));

        var anomalies = Run(new BaselineOptions(), Batch(failures));

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.PasswordSpray);
    }

    [Fact]
    public void Spray_SecondWaveAfterWindow_SecondAnomaly()
    {
        var first = Enumerable.Range(0, 10).Select(i => SignIn(Start.AddMinutes(i), user: $"user{i}@contoso.com", success: false, ip: "198.51.100.9"));
        var second = Enumerable.Range(0, 10).Select(i => SignIn(Start.AddHours(3).AddMinutes(i), user: $"other{i}@contoso.com", success: false, ip: "198.51.100.9"));

        var anomalies = Run(new BaselineOptions(), Batch([.. first, .. second]));

        Assert.Equal(2, anomalies.Count(a => a.Kind == AnomalyKind.PasswordSpray));
    }
}
