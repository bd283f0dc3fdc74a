using AiSoc.Core.Baselines;
using AiSoc.Core.Normalizers.Telemetry;
using static AiSoc.Core.Tests.Baselines.Observations;

namespace AiSoc.Core.Tests.Baselines;

public class SignInBaselineTests
{
    [Fact]
    public void ImpossibleTravel_ParisHourLater_Flagged()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddHours(1), country: "FR")]);

        var anomalies = Run(new BaselineOptions(), batch);

        var travel = Assert.Single(anomalies, a => a.Kind == AnomalyKind.ImpossibleTravel);
        Assert.Equal(Start.AddHours(1), travel.Time);
        Assert.InRange(travel.Score, 0.8, 1);
    }

    [Fact]
    public void ImpossibleTravel_ParisDayLater_NotFlagged()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddDays(1), country: "FR")]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.ImpossibleTravel);
    }

    [Fact]
    public void ImpossibleTravel_NearbyCitiesSameMinute_NotFlagged()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddSeconds(30), point: Redmond)]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.ImpossibleTravel);
    }

    [Fact]
    public void ImpossibleTravel_SameTimestamp_InfiniteSpeed()
    {
        var batch = Batch([SignIn(Start), SignIn(Start, country: "FR")]);

        var anomalies = Run(new BaselineOptions(), batch);

        var travel = Assert.Single(anomalies, a => a.Kind == AnomalyKind.ImpossibleTravel);
        Assert.Equal("infinite", travel.Evidence["speedKmh"]);
        Assert.Equal(1, travel.Score);
    }

    [Fact]
    public void NewCountry_DuringWarmUp_NotFlagged()
    {
        var history = Enumerable.Range(0, 9).Select(i => SignIn(Start.AddDays(i)));
        var batch = Batch([.. history, SignIn(Start.AddDays(30), country: "FR")]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
    }

    [Fact]
    public void NewCountry_AfterWarmUp_Flagged()
    {
        var history = Enumerable.Range(0, 10).Select(i => SignIn(Start.AddDays(i)));
        var batch = Batch([.. history, SignIn(Start.AddDays(30), country: "FR")]);

        var anomalies = Run(new BaselineOptions(), batch);

        var newCountry = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
        Assert.Equal("US (10)", newCountry.Evidence["knownCountries"]);
        Assert.StartsWith("Sign-in from FR", newCountry.Reason, StringComparison.Ordinal);
        Assert.Contains("known countries for this user: US (10)", newCountry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NewCountry_TooFewDays_NotFlagged()
    {
        var history = Enumerable.Range(0, 10).Select(i => SignIn(Start.AddHours(i)));
        var batch = Batch([.. history, SignIn(Start.AddDays(2), country: "FR")]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
    }

    [Fact]
    public void NewCountry_EarlierFailuresThere_Flagged()
    {
        var batch = Batch([
            SignIn(Start),
            SignIn(Start.AddDays(1), country: "FR", success: false),
            SignIn(Start.AddDays(2), country: "FR", success: false),
            SignIn(Start.AddDays(3), country: "FR"),
        ]);

        var anomalies = Run(NoWarmUp, batch);

        var newCountry = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
        Assert.Equal(Start.AddDays(3), newCountry.Time);
        Assert.Equal("FR (2)", newCountry.Evidence["failedSignInCountries"]);
    }

    [Fact]
    public void NewCountry_FailedSignIn_NotFlagged()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddDays(1), country: "FR", success: false)]);

        var anomalies = Run(NoWarmUp, batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
    }

    [Fact]
    public void NewAsn_UnseenAsn_Flagged()
    {
        var batch = Batch([SignIn(Start, asn: "8075"), SignIn(Start.AddDays(1), asn: "8075"), SignIn(Start.AddDays(2), asn: "13335")]);

        var anomalies = Run(NoWarmUp, batch);

        var newAsn = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInNewAsn);
        Assert.Equal("13335", newAsn.Evidence["value"]);
        Assert.Equal("8075 (2)", newAsn.Evidence["known"]);
    }

    [Fact]
    public void NewDevice_UnseenBrowser_Flagged()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddDays(1), browser: "Firefox 121")]);

        var anomalies = Run(NoWarmUp, batch);

        var newDevice = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInNewDevice);
        Assert.Equal("Windows 10 / Firefox 121", newDevice.Evidence["value"]);
    }

    [Fact]
    public void NewClientApp_UnseenClientApp_Flagged()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddDays(1), clientApp: "Exchange ActiveSync")]);

        var anomalies = Run(NoWarmUp, batch);

        var newApp = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInNewClientApp);
        Assert.Equal("Browser (1)", newApp.Evidence["known"]);
    }

    [Fact]
    public void UnusualHour_NightAfterOfficeHours_Flagged()
    {
        var history = Enumerable.Range(0, 20).Select(i => SignIn(Start.AddDays(i).AddHours(i % 3)));
        var night = Start.AddDays(25).Date.AddHours(2);
        var batch = Batch([.. history, SignIn(new DateTimeOffset(night, TimeSpan.Zero))]);

        var anomalies = Run(new BaselineOptions(), batch);

        var hour = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInUnusualHour);
        Assert.Equal("2", hour.Evidence["hourUtc"]);
        Assert.Equal("0", hour.Evidence["signInsWithinOneHour"]);
    }

    [Fact]
    public void UnusualHour_NeighbouringHour_NotFlagged()
    {
        var history = Enumerable.Range(0, 20).Select(i => SignIn(Start.AddDays(i)));
        var batch = Batch([.. history, SignIn(Start.AddDays(25).AddHours(1))]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.SignInUnusualHour);
    }

    [Fact]
    public void UnusualHour_TooFewSignIns_NotFlagged()
    {
        var history = Enumerable.Range(0, 19).Select(i => SignIn(Start.AddDays(i)));
        var batch = Batch([.. history, SignIn(Start.AddDays(25).AddHours(-7))]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.SignInUnusualHour);
    }

    [Fact]
    public void FailureBurst_FiveFailuresThenSuccess_Flagged()
    {
        var failures = Enumerable.Range(0, 5).Select(i => SignIn(Start.AddMinutes(i), success: false));
        var batch = Batch([.. failures, SignIn(Start.AddMinutes(6))]);

        var anomalies = Run(new BaselineOptions(), batch);

        var burst = Assert.Single(anomalies, a => a.Kind == AnomalyKind.FailureBurstThenSuccess);
        Assert.Equal("5", burst.Evidence["failures"]);
        Assert.Equal(0.5, burst.Score, 3);
    }

    [Fact]
    public void FailureBurst_FourFailures_NotFlagged()
    {
        var failures = Enumerable.Range(0, 4).Select(i => SignIn(Start.AddMinutes(i), success: false));
        var batch = Batch([.. failures, SignIn(Start.AddMinutes(6))]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.FailureBurstThenSuccess);
    }

    [Fact]
    public void FailureBurst_FailuresOutsideWindow_NotFlagged()
    {
        var failures = Enumerable.Range(0, 5).Select(i => SignIn(Start.AddMinutes(i), success: false));
        var batch = Batch([.. failures, SignIn(Start.AddHours(2))]);

        var anomalies = Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.FailureBurstThenSuccess);
    }

    [Fact]
    public void Anomaly_SignIn_HasAccountAndIpEntities()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddHours(1), country: "FR", ip: "198.51.100.7")]);

        var travel = Assert.Single(Run(new BaselineOptions(), batch));

        Assert.Contains(travel.Entities, e => e is Schema.AccountEntity { Upn: "alice@contoso.com" });
        Assert.Contains(travel.Entities, e => e is Schema.IpEntity { Address: "198.51.100.7" });
        Assert.Contains(travel.Entities, e => e is Schema.IpEntity { Address: "203.0.113.10" });
    }

    [Fact]
    public void GreatCircle_SeattleToParis_About8000Km()
    {
        var distance = GreatCircle.DistanceKm(Seattle, Paris);

        Assert.InRange(distance, 7950, 8050);
    }

    [Fact]
    public void GreatCircle_SamePoint_Zero()
    {
        var distance = GreatCircle.DistanceKm(new GeoPoint(10, 20), new GeoPoint(10, 20));

        Assert.Equal(0, distance, 6);
    }
}
