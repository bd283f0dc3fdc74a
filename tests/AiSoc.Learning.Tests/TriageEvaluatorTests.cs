using AiSoc.Learning.Evaluation;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class TriageEvaluatorTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() =>
        new TriageEvaluator(new EvaluationOptions { Folds = 3, Training = GuideSample.FastTraining }, TimeProvider.System)
            .CrossValidate(GuideSample.Alerts));

    [Fact]
    public void CrossValidate_GuideSample_ReportsEveryMethod()
    {
        var methods = Report.Value.Mean.Select(result => result.Method).ToArray();

        Assert.Equal([MethodNames.LearnedModel, MethodNames.Majority, MethodNames.RulesOnly, MethodNames.PlainGradientBoosting], methods);
        Assert.Equal(3, Report.Value.Folds.Count);
    }

    [Fact]
    public void CrossValidate_GuideSample_LearnedModelBeatsMajority()
    {
        var learned = Report.Value.Mean.Single(result => result.Method == MethodNames.LearnedModel);
        var majority = Report.Value.Mean.Single(result => result.Method == MethodNames.Majority);

        Assert.True(
            learned.Classification.MacroF1 > majority.Classification.MacroF1,
            $"learned macro-F1 {learned.Classification.MacroF1:0.000} is not above majority {majority.Classification.MacroF1:0.000}");
    }

    [Fact]
    public void CrossValidate_GuideSample_ConfusionCoversEveryAlert()
    {
        var learned = Report.Value.Mean.Single(result => result.Method == MethodNames.LearnedModel);

        Assert.Equal(GuideSample.Alerts.Count, learned.Classification.Confusion.Sum(row => row.Sum()));
    }

    [Fact]
    public void CrossValidate_GuideSample_DecisionSharesSumToOne()
    {
        var decisions = Report.Value.Mean.Single(result => result.Method == MethodNames.LearnedModel).Decisions!;

        Assert.Equal(1.0, decisions.AutoClosedShare + decisions.EscalatedShare + decisions.MaliciousShare, 6);
    }
}
