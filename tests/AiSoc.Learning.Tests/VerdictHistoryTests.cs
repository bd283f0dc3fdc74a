using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class VerdictHistoryTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromDays(7);

    [Fact]
    public void ForDetector_WithinMargin_NotCounted()
    {
        // The incident's last alert is on day 2, so its grade is usable from day 9 on.
        var history = new VerdictHistory(
            IncidentOutcome.FromAlerts(
            [
                Alerts.Labelled("org1", "i1", "d1", 0, IncidentGrade.TruePositive),
                Alerts.Labelled("org1", "i1", "d1", 2, IncidentGrade.TruePositive),
            ]),
            Margin);

        var before = history.ForDetector("d1", Alerts.Day0.AddDays(8.99));
        var after = history.ForDetector("d1", Alerts.Day0.AddDays(9));

        Assert.Equal(0, before.Count);
        Assert.Equal(1, after.Count);
        Assert.Equal(1.0, after.Rate(IncidentGrade.TruePositive));
    }

    [Fact]
    public void ForOrg_MixedGrades_CountsEndedIncidents()
    {
        var history = new VerdictHistory(
            IncidentOutcome.FromAlerts(
            [
                Alerts.Labelled("org1", "i1", "d1", 0, IncidentGrade.TruePositive),
                Alerts.Labelled("org1", "i2", "d2", 1, IncidentGrade.BenignPositive),
                Alerts.Labelled("org1", "i3", "d3", 2, IncidentGrade.FalsePositive),
                Alerts.Labelled("org1", "i4", "d3", 30, IncidentGrade.TruePositive),
                Alerts.Labelled("org2", "i5", "d1", 0, IncidentGrade.TruePositive),
            ]),
            Margin);

        var rates = history.ForOrg("org1", Alerts.Day0.AddDays(10));

        Assert.Equal(3, rates.Count);
        Assert.Equal(1.0 / 3, rates.Rate(IncidentGrade.TruePositive), 6);
        Assert.Equal(1.0 / 3, rates.Rate(IncidentGrade.BenignPositive), 6);
        Assert.Equal(1.0 / 3, rates.Rate(IncidentGrade.FalsePositive), 6);
    }

    [Fact]
    public void FeatureBuilder_OwnIncident_NotInHistory()
    {
        var own = Alerts.Labelled("org1", "i1", "d1", 3, IncidentGrade.TruePositive);
        var earlier = Alerts.Labelled("org1", "i0", "d1", 0, IncidentGrade.FalsePositive);
        var alerts = new[] { earlier, own };
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(alerts), Margin);
        var layout = FeatureLayout.FromTraining(alerts, includeHistory: true);
        var names = layout.FeatureNames().ToList();

        var vector = new FeatureBuilder(layout).Build(own, history);

        Assert.Equal(0, vector[names.IndexOf("DetectorId past incidents")]);
        Assert.Equal(0, vector[names.IndexOf("DetectorId past TP rate")]);
        Assert.Equal(0, vector[names.IndexOf("OrgId past incidents")]);
    }

    [Fact]
    public void FeatureBuilder_PastIncident_SetsDetectorRates()
    {
        var earlier = Alerts.Labelled("org1", "i0", "d1", 0, IncidentGrade.FalsePositive);
        var later = Alerts.Labelled("org1", "i1", "d1", 8, IncidentGrade.TruePositive);
        var alerts = new[] { earlier, later };
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(alerts), Margin);
        var layout = FeatureLayout.FromTraining(alerts, includeHistory: true);
        var names = layout.FeatureNames().ToList();

        var vector = new FeatureBuilder(layout).Build(later, history);

        Assert.Equal(1, vector[names.IndexOf("DetectorId past incidents")]);
        Assert.Equal(1, vector[names.IndexOf("DetectorId past FP rate")]);
        Assert.Equal(0, vector[names.IndexOf("DetectorId past TP rate")]);
    }
}
