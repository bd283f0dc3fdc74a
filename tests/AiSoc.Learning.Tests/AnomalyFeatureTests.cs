using AiSoc.Core.Baselines;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Learning.Features;
using AiSoc.Learning.Scoring;

namespace AiSoc.Learning.Tests;

public class AnomalyFeatureTests
{
    private static readonly FeatureLayout Layout = new([], [], [], IncludeHistory: false);

    [Fact]
    public void ToTriageAlert_AnomalyScorePresent_SetsFeature()
    {
        var alert = Alert(new Dictionary<string, string> { [AnomalyAlertFactory.ScoreKey] = "0.875" });

        var triageAlert = NormalizedAlertMapper.ToTriageAlert(alert, AlertContext.None, 40);
        var vector = new FeatureBuilder(Layout).Build(triageAlert, history: null);

        Assert.Equal(0.875, triageAlert.AnomalyScore);
        Assert.Equal(0.875f, vector[AnomalyIndex()]);
    }

    [Fact]
    public void ToTriageAlert_AnomalyScoreAbsent_FeatureIsMinusOne()
    {
        var alert = Alert(new Dictionary<string, string>());

        var triageAlert = NormalizedAlertMapper.ToTriageAlert(alert, AlertContext.None, 40);
        var vector = new FeatureBuilder(Layout).Build(triageAlert, history: null);

        Assert.Null(triageAlert.AnomalyScore);
        Assert.Equal(-1f, vector[AnomalyIndex()]);
    }

    [Fact]
    public void AnomalyScoreOf_NotANumber_ReturnsNull()
    {
        var alert = Alert(new Dictionary<string, string> { [AnomalyAlertFactory.ScoreKey] = "high" });

        var score = NormalizedAlertMapper.AnomalyScoreOf(alert);

        Assert.Null(score);
    }

    private static int AnomalyIndex()
    {
        var names = Layout.FeatureNames();
        var index = names.ToList().IndexOf("Anomaly score");
        Assert.True(index >= 0, "The layout has no anomaly score feature.");
        return index;
    }

    private static NormalizedAlert Alert(Dictionary<string, string> extra) => new()
    {
        Id = "b1",
        Source = AnomalyAlertFactory.Source,
        ProviderAlertId = "b1",
        Title = "Sign-in from a new country",
        DetectorId = "baseline-signin-country",
        Severity = Severity.Medium,
        CreatedAt = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero),
        Entities = [new AccountEntity { Upn = "lena.hart@fabrikam.com", Role = EntityRole.Impacted }],
        Extra = extra,
        Raw = new RawRecordRef("anomalies.ndjson", 0),
    };
}
