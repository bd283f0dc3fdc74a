using AiSoc.Core.Baselines;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Baselines;

/// <summary>
/// Runs the sign-in baseline on a real Entra sign-in export, in which meganb@seccxp.ninja fails to sign in from
/// Atlanta (US) and, 84 minutes later, signs in successfully from Liège (BE).
/// </summary>
public class SignInBaselineRealDataTests
{
    private const string User = "meganb@seccxp.ninja";
    private static readonly DateTimeOffset FailedAt = new(2020, 5, 20, 11, 47, 15, 343, TimeSpan.Zero);
    private static readonly DateTimeOffset SucceededAt = new(2020, 5, 20, 13, 11, 35, 573, TimeSpan.Zero);

    [Fact]
    public void SignInExport_AtlantaThenLiege_ImpossibleTravel()
    {
        var batch = ReadExport();

        var anomalies = Observations.Run(new BaselineOptions(), batch);

        var travel = Assert.Single(anomalies, a => a.Kind == AnomalyKind.ImpossibleTravel && a.Subject == User);
        Assert.Equal(SucceededAt, travel.Time);
        Assert.Equal("Atlanta, Georgia, US", travel.Evidence["previousPlace"]);
        Assert.Equal("failed sign-in", travel.Evidence["previousResult"]);
        Assert.Equal("Liege, Liege, BE", travel.Evidence["place"]);
        Assert.Equal("84.3", travel.Evidence["elapsedMinutes"]);
        Assert.InRange(double.Parse(travel.Evidence["distanceKm"], System.Globalization.CultureInfo.InvariantCulture), 7000, 7300);
        Assert.Contains("2020-05-20 11:47:15 UTC", travel.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SignInExport_ShortWarmUp_NewCountry()
    {
        var batch = ReadExport();
        var options = new BaselineOptions { SignInWarmUp = new WarmUp(1, 0) };

        var anomalies = Observations.Run(options, batch);

        var newCountry = Assert.Single(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
        Assert.Equal(User, newCountry.Subject);
        Assert.Equal(SucceededAt, newCountry.Time);
        Assert.Equal("BE", newCountry.Evidence["country"]);
        Assert.Equal("none", newCountry.Evidence["knownCountries"]);
        Assert.Equal("US (1)", newCountry.Evidence["failedSignInCountries"]);
    }

    [Fact]
    public void SignInExport_DefaultWarmUp_NoNewCountry()
    {
        var batch = ReadExport();

        var anomalies = Observations.Run(new BaselineOptions(), batch);

        Assert.DoesNotContain(anomalies, a => a.Kind == AnomalyKind.SignInNewCountry);
    }

    [Fact]
    public void SignInExport_AtlantaRow_Failure()
    {
        var batch = ReadExport();

        var failure = Assert.Single(batch.SignIns, s => s.User == User && !s.IsSuccess);

        Assert.Equal(FailedAt, failure.Time);
        Assert.Equal("90072", failure.ResultType);
        Assert.Equal("US", failure.Country);
        Assert.Equal("Atlanta", failure.City);
        Assert.Equal("136.55.145.135", failure.IpAddress);
    }

    private static TelemetryBatch ReadExport() =>
        TelemetryReader.Read(InputCatalog.Expand([SharedData.PathOf("telemetry/signinlogs_msticpy.json")]));
}
