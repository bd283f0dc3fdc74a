using AiSoc.Learning.Evaluation;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class GroupedSplitTests
{
    [Fact]
    public void Folds_GuideSample_NoOrganisationOnBothSides()
    {
        var folds = GroupedSplit.Folds(GuideSample.Alerts, 5, seed: 42);

        foreach (var fold in folds)
        {
            var trainOrgs = fold.Train.Select(alert => alert.OrgId).ToHashSet();
            Assert.DoesNotContain(fold.Test, alert => trainOrgs.Contains(alert.OrgId));
        }
    }

    [Fact]
    public void Folds_GuideSample_NoIncidentOnBothSides()
    {
        var folds = GroupedSplit.Folds(GuideSample.Alerts, 5, seed: 42);

        foreach (var fold in folds)
        {
            var trainIncidents = fold.Train.Select(alert => alert.IncidentKey).ToHashSet();
            Assert.DoesNotContain(fold.Test, alert => trainIncidents.Contains(alert.IncidentKey));
        }
    }

    [Fact]
    public void Folds_GuideSample_EveryAlertTestedOnce()
    {
        var folds = GroupedSplit.Folds(GuideSample.Alerts, 5, seed: 42);

        var tested = folds.SelectMany(fold => fold.Test).Select(alert => alert.AlertKey).ToList();

        Assert.Equal(GuideSample.Alerts.Count, tested.Count);
        Assert.Equal(tested.Count, tested.Distinct().Count());
    }

    [Fact]
    public void Holdout_GuideSample_KeepsOrganisationsApart()
    {
        var split = GroupedSplit.Holdout(GuideSample.Alerts, 0.25, seed: 7);

        var trainOrgs = split.Train.Select(alert => alert.OrgId).ToHashSet();
        Assert.NotEmpty(split.Test);
        Assert.DoesNotContain(split.Test, alert => trainOrgs.Contains(alert.OrgId));
    }
}
