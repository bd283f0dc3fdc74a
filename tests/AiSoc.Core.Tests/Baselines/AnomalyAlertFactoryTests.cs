using AiSoc.Core.Baselines;
using AiSoc.Core.Schema;
using static AiSoc.Core.Tests.Baselines.Observations;

namespace AiSoc.Core.Tests.Baselines;

public class AnomalyAlertFactoryTests
{
    [Fact]
    public void Create_ImpossibleTravel_MapsAlertFields()
    {
        var anomaly = Assert.Single(Run(new BaselineOptions(), Batch([SignIn(Start), SignIn(Start.AddHours(1), country: "FR")])));

        var alert = AnomalyAlertFactory.Create(anomaly);

        Assert.Equal("aisoc-baseline", alert.Source);
        Assert.Equal("signin-impossible-travel", alert.DetectorId);
        Assert.Equal("Impossible travel between sign-ins: alice@contoso.com", alert.Title);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal(["T1078"], alert.Techniques);
        Assert.Equal(Start.AddHours(1), alert.CreatedAt);
        Assert.Equal([anomaly.Reason], alert.Reasons);
        Assert.Empty(alert.Warnings);
        Assert.Equal("Seattle, US", alert.Extra["previousPlace"]);
    }

    [Fact]
    public void Create_AnyAnomaly_ScoreInExtra()
    {
        var anomaly = Assert.Single(Run(new BaselineOptions(), Batch([SignIn(Start), SignIn(Start.AddHours(1), country: "FR")])));

        var alert = AnomalyAlertFactory.Create(anomaly);

        var score = double.Parse(alert.Extra[AnomalyAlertFactory.ScoreKey], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(anomaly.Score, score, 3);
    }

    [Fact]
    public void Create_SameAnomalyTwice_SameId()
    {
        var batch = Batch([SignIn(Start), SignIn(Start.AddHours(1), country: "FR")]);

        var first = AnomalyAlertFactory.Create(Assert.Single(Run(new BaselineOptions(), batch)));
        var second = AnomalyAlertFactory.Create(Assert.Single(Run(new BaselineOptions(), batch)));

        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public void Create_PasswordSpray_SubTechnique()
    {
        var failures = Enumerable.Range(0, 10).Select(i => SignIn(Start.AddMinutes(i), user: $"user{i}@contoso.com", success: false));
        var anomaly = Assert.Single(Run(new BaselineOptions(), Batch(failures)));

        var alert = AnomalyAlertFactory.Create(anomaly);

        Assert.Equal(["T1110.003"], alert.Techniques);
        Assert.Equal(["CredentialAccess"], alert.Tactics);
    }

    [Fact]
    public void Catalog_EveryKind_Described()
    {
        foreach (var kind in Enum.GetValues<AnomalyKind>())
        {
            var description = AnomalyCatalog.Describe(kind);

            Assert.False(string.IsNullOrWhiteSpace(description.Title), $"{kind} has no title");
            Assert.NotEqual(Severity.Unknown, description.Severity);
        }
    }
}
