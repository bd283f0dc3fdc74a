using AiSoc.Core.Schema;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tests.Tuning;

public sealed class DetectorRulesTests
{
    [Fact]
    public void Propose_NoisyRuleWithoutTruePositive_ProposesReview()
    {
        var outcomes = Cases.Many(11, "rule-encoded", CaseVerdict.FalsePositive, _ => [], techniques: ["T1059.001"]);

        var proposals = Propose(outcomes);

        var review = Assert.Single(proposals, p => p.Kind == ProposalKind.ReviewRule);
        Assert.Equal("rule-encoded", review.DetectorId);
        Assert.Equal(11, review.Evidence.FalsePositives);
    }

    [Theory]
    [InlineData("T1003.001")]
    [InlineData("T1558")]
    [InlineData("T1558.003")]
    [InlineData("T1606.002")]
    [InlineData("T1484.002")]
    [InlineData("T1486")]
    [InlineData("T1490")]
    [InlineData("T1098.001")]
    public void Propose_RareTechniqueRuleWithoutTruePositive_NeverReviewedOrLowered(string technique)
    {
        var outcomes = Cases.Many(40, "rule-rare", CaseVerdict.FalsePositive, _ => [], severity: Severity.High, techniques: [technique]);

        var proposals = Propose(outcomes);

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.ReviewRule);
        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.LowerSeverity);
    }

    [Fact]
    public void Propose_AnyRareTechnique_NotReviewed()
    {
        var outcomes = Cases.Many(20, "rule-mixed", CaseVerdict.BenignPositive, _ => [], techniques: ["T1059.001", "T1486"]);

        var proposals = Propose(outcomes);

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.ReviewRule);
    }

    [Fact]
    public void Propose_ParentOfRareTechnique_Reviewed()
    {
        var outcomes = Cases.Many(20, "rule-dumping", CaseVerdict.BenignPositive, _ => [], techniques: ["T1003"]);

        var proposals = Propose(outcomes);

        Assert.Contains(proposals, p => p.Kind == ProposalKind.ReviewRule);
    }

    [Fact]
    public void Propose_FewerLabelsThanMinimum_NoReview()
    {
        var outcomes = Cases.Many(9, "rule-encoded", CaseVerdict.FalsePositive, _ => []);

        var proposals = Propose(outcomes);

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.ReviewRule);
    }

    [Fact]
    public void Propose_AutomationVerdictsOnly_NoReview()
    {
        var outcomes = Cases.Many(30, "rule-encoded", CaseVerdict.FalsePositive, _ => [], VerdictSource.Automation);

        var proposals = Propose(outcomes);

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.ReviewRule);
    }

    [Fact]
    public void Propose_MostlyBenignHigh_LowersSeverity()
    {
        var outcomes = Cases.Many(9, "rule-download", CaseVerdict.BenignPositive, _ => [], severity: Severity.High);
        outcomes.Add(Cases.Outcome("rule-download", CaseVerdict.TruePositive, severity: Severity.High, day: 30));

        var proposals = Propose(outcomes);

        var lower = Assert.Single(proposals, p => p.Kind == ProposalKind.LowerSeverity);
        Assert.Equal(Severity.High, lower.Condition.CurrentSeverity);
        Assert.Equal(Severity.Medium, lower.Condition.ProposedSeverity);
    }

    [Fact]
    public void Propose_MostlyTruePositiveLow_RaisesSeverity()
    {
        var outcomes = Cases.Many(7, "rule-forwarding", CaseVerdict.TruePositive, _ => [], severity: Severity.Low);
        outcomes.AddRange(Cases.Many(3, "rule-forwarding", CaseVerdict.BenignPositive, _ => [], severity: Severity.Low));

        var proposals = Propose(outcomes);

        var raise = Assert.Single(proposals, p => p.Kind == ProposalKind.RaiseSeverity);
        Assert.Equal(Severity.Low, raise.Condition.CurrentSeverity);
        Assert.Equal(Severity.Medium, raise.Condition.ProposedSeverity);
    }

    [Fact]
    public void Propose_UncoveredTechnique_ReportsGap()
    {
        var outcomes = new List<CaseOutcome>
        {
            Cases.Outcome("rule-travel", CaseVerdict.TruePositive, techniques: ["T1078"], incidentTechniques: ["T1078", "T1136.003"]),
            Cases.Outcome("rule-forwarding", CaseVerdict.TruePositive, techniques: ["T1114"], incidentTechniques: ["T1114.003"]),
        };

        var proposals = Propose(outcomes);

        var gap = Assert.Single(proposals, p => p.Kind == ProposalKind.CoverageGap);
        Assert.Equal("T1136.003", gap.Condition.Technique);
    }

    [Fact]
    public void Propose_GapOnlyOnFalsePositive_NotReported()
    {
        var outcomes = new List<CaseOutcome>
        {
            Cases.Outcome("rule-travel", CaseVerdict.FalsePositive, techniques: ["T1078"], incidentTechniques: ["T1136.003"]),
        };

        var proposals = Propose(outcomes);

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.CoverageGap);
    }

    [Fact]
    public void Propose_ConfiguredCoveredTechnique_NotReported()
    {
        var outcomes = new List<CaseOutcome>
        {
            Cases.Outcome("rule-travel", CaseVerdict.TruePositive, techniques: ["T1078"], incidentTechniques: ["T1136.003"]),
        };

        var proposals = Propose(outcomes, new TuningOptions { CoveredTechniques = ["T1136"] });

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.CoverageGap);
    }

    [Fact]
    public void Propose_EnoughNewHumanVerdicts_ProposesRetraining()
    {
        var outcomes = Cases.Many(5, "rule-a", CaseVerdict.TruePositive, _ => []);
        outcomes.AddRange(Cases.Many(5, "rule-a", CaseVerdict.BenignPositive, _ => [], VerdictSource.Automation));

        var proposals = Propose(outcomes, new TuningOptions { RetrainAfterVerdicts = 5 });

        var retrain = Assert.Single(proposals, p => p.Kind == ProposalKind.RetrainModel);
        Assert.Equal(5, retrain.Condition.NewHumanVerdicts);
    }

    [Fact]
    public void Propose_VerdictsBeforeTraining_NoRetraining()
    {
        var outcomes = Cases.Many(10, "rule-a", CaseVerdict.TruePositive, _ => []);

        var proposals = Propose(outcomes, new TuningOptions { RetrainAfterVerdicts = 5, LastTrainingAt = Cases.Start.AddDays(6) });

        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.RetrainModel);
    }

    [Fact]
    public void Constructor_InvalidOption_ThrowsNamingSetting()
    {
        var options = new TuningOptions { Ipv6PrefixLength = 200 };

        var error = Assert.Throws<TuningConfigurationException>(() => new TuningProposer(options, TimeProvider.System));

        Assert.Contains("ipv6PrefixLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidRareTechnique_ThrowsNamingValue()
    {
        var options = new TuningOptions { RareTechniques = ["LSASS"] };

        var error = Assert.Throws<TuningConfigurationException>(() => new TuningProposer(options, TimeProvider.System));

        Assert.Contains("'LSASS'", error.Message, StringComparison.Ordinal);
    }

    private static List<TuningProposal> Propose(List<CaseOutcome> outcomes, TuningOptions? options = null)
    {
        var proposer = new TuningProposer(options ?? new TuningOptions(), new FixedTimeProvider(Cases.Start));
        return TuningAnalysis.Run(outcomes, ReportingPeriod.All, proposer).Proposals.ToList();
    }
}
