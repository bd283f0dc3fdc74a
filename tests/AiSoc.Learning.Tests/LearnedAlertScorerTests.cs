using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Model;
using AiSoc.Learning.Scoring;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Learning.Tests;

public class LearnedAlertScorerTests
{
    private static readonly RuleBasedScorer Rules = new(new ScoringOptions());

    [Fact]
    public void LoadOrFallBack_CorruptModel_GivesRuleVerdict()
    {
        using var files = new TempFiles();
        var path = files.Write("corrupt.zip", "not a model");
        var alert = SampleAlert();

        var scorer = LearnedAlertScorer.LoadOrFallBack(path, Rules, NullLogger.Instance);
        var assessment = scorer.Assess(alert, AlertContext.None);

        var ruled = Rules.Assess(alert, AlertContext.None);
        Assert.False(scorer.UsesModel);
        Assert.Equal(ruled.Score, assessment.Score);
        Assert.Equal(ruled.Verdict, assessment.Verdict);
    }

    [Fact]
    public void LoadOrFallBack_MissingModel_ReasonNamesFile()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "missing.zip");

        var scorer = LearnedAlertScorer.LoadOrFallBack(path, Rules, NullLogger.Instance);
        var assessment = scorer.Assess(SampleAlert(), AlertContext.None);

        Assert.Contains(assessment.Reasons, reason => reason.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_TrainedModel_GivesVerdictWithModelReasons()
    {
        var scorer = new LearnedAlertScorer(Support.GuideSample.Model, Rules);

        var assessment = scorer.Assess(SampleAlert(), AlertContext.None);

        Assert.True(scorer.UsesModel);
        Assert.Contains(assessment.Verdict, new[] { Verdict.Benign, Verdict.Suspicious, Verdict.Malicious });
        Assert.InRange(assessment.Confidence, 0, 1);
        Assert.StartsWith("Learned model:", assessment.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_AlertWithoutEntities_KeepsNeedsContext()
    {
        var scorer = new LearnedAlertScorer(Support.GuideSample.Model, Rules);
        var alert = SampleAlert();
        alert.Entities = [];

        var assessment = scorer.Assess(alert, AlertContext.None);

        Assert.Equal(Verdict.NeedsContext, assessment.Verdict);
    }

    [Fact]
    public void GradePrediction_LowTruePositiveProbability_Escalates()
    {
        var thresholds = new TriageThresholds(0.8, 0.7, 0.05, 0.8);

        var decision = GradePrediction.FromCalibrated(0.5f, 0.3f, 0.2f).Decide(thresholds);

        Assert.Equal(TriageDecision.Escalate, decision);
    }

    [Fact]
    public void GradePrediction_ConfidentBenign_AutoCloses()
    {
        var thresholds = new TriageThresholds(0.8, 0.7, 0.05, 0.8);

        var decision = GradePrediction.FromCalibrated(0.05f, 0.6f, 0.35f).Decide(thresholds);

        Assert.Equal(TriageDecision.AutoClose, decision);
    }

    private static NormalizedAlert SampleAlert() => new()
    {
        Id = "a1",
        Source = SourceProduct.DefenderXdr,
        ProviderAlertId = "p1",
        Title = "Suspicious sign-in",
        DetectorId = "det-1",
        Category = "InitialAccess",
        Severity = Severity.Medium,
        CreatedAt = new DateTimeOffset(2024, 6, 10, 12, 0, 0, TimeSpan.Zero),
        Techniques = ["T1078"],
        Entities = [new HostEntity { HostName = "host-1", Role = EntityRole.Impacted }],
        Raw = new RawRecordRef("alerts.json", 0),
    };
}
