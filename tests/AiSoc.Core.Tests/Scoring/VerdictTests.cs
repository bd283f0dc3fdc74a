using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Scoring;

public class VerdictTests
{
    private readonly RuleBasedScorer _scorer = new(new ScoringOptions());

    /// <summary>Returns a scorer whose only non-zero weight is high severity, so the score equals <paramref name="points"/>.</summary>
    private static RuleBasedScorer ScorerScoring(int points, int malicious = 70, int suspicious = 35)
    {
        var weights = new ScoringWeights
        {
            HighSeverity = points, MediumSeverity = 0, LowSeverity = 0, UnknownSeverity = 0, ThreatDetection = 0,
            ProductDetection = 0, CustomRuleDetection = 0,
        };
        return new RuleBasedScorer(new ScoringOptions { Weights = weights, MaliciousThreshold = malicious, SuspiciousThreshold = suspicious });
    }

    [Theory]
    [InlineData(100, Verdict.Malicious)]
    [InlineData(70, Verdict.Malicious)]
    [InlineData(69, Verdict.Suspicious)]
    [InlineData(35, Verdict.Suspicious)]
    [InlineData(34, Verdict.Benign)]
    [InlineData(0, Verdict.Benign)]
    public void Assess_DefaultThresholds_MapScoreToVerdict(int score, Verdict expected)
    {
        var alert = Create("v-1", [PublicIp], severity: Severity.High);

        var assessment = ScorerScoring(score).Assess(alert, AlertContext.None);

        Assert.Equal(score, assessment.Score);
        Assert.Equal(expected, assessment.Verdict);
    }

    [Theory]
    [InlineData(50, Verdict.Malicious)]
    [InlineData(49, Verdict.Suspicious)]
    [InlineData(20, Verdict.Suspicious)]
    [InlineData(19, Verdict.Benign)]
    public void Assess_ConfiguredThresholds_MapScoreToVerdict(int score, Verdict expected)
    {
        var alert = Create("v-2", [PublicIp], severity: Severity.High);

        var assessment = ScorerScoring(score, malicious: 50, suspicious: 20).Assess(alert, AlertContext.None);

        Assert.Equal(expected, assessment.Verdict);
    }

    [Fact]
    public void Assess_EndpointHighLateStage_IsMalicious()
    {
        var alert = Create("v-3", [Host("ws042.contoso.com")], severity: Severity.High, source: SourceProduct.DefenderForEndpoint,
            detectionSource: "WindowsDefenderAv", tactics: ["CredentialAccess"]);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(70, assessment.Score);
        Assert.Equal(Verdict.Malicious, assessment.Verdict);
        Assert.Equal(
            ["High source severity (+40)", "Endpoint, antivirus or threat-intelligence detection (+15)", "Late-stage ATT&CK tactic CredentialAccess (+15)"],
            assessment.Reasons);
    }

    [Fact]
    public void Assess_ManyPoints_ClampsAt100()
    {
        var alert = Create("v-4", [PublicIp], severity: Severity.High, source: SourceProduct.DefenderForEndpoint, tactics: ["Impact"],
            extra: new Dictionary<string, string> { ["classification"] = "TruePositive" });

        var assessment = _scorer.Assess(alert, new AlertContext(5, 3, true, true, "Impact"));

        Assert.Equal(100, assessment.Score);
    }

    [Fact]
    public void Assess_NegativePoints_ClampsAtZero()
    {
        var alert = Create("v-5", [PublicIp], severity: Severity.Informational,
            extra: new Dictionary<string, string> { ["classification"] = "FalsePositive" });

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(0, assessment.Score);
        Assert.Equal(Verdict.Benign, assessment.Verdict);
    }

    [Fact]
    public void Assess_NoEntitiesInformational_NeedsContextNotBenign()
    {
        var alert = Create("nc-1", [], severity: Severity.Informational,
            extra: new Dictionary<string, string> { ["classification"] = "FalsePositive" });

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(0, assessment.Score);
        Assert.Equal(Verdict.NeedsContext, assessment.Verdict);
        Assert.Equal("Needs context: the alert has no entities, so nothing identifies the user, device or file involved", assessment.Reasons[^1]);
    }

    [Fact]
    public void Assess_NoEntitiesHighScore_NeedsContext()
    {
        var alert = Create("nc-2", [], severity: Severity.High, source: SourceProduct.DefenderForEndpoint, tactics: ["Impact"]);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(70, assessment.Score);
        Assert.Equal(Verdict.NeedsContext, assessment.Verdict);
    }

    [Fact]
    public void Assess_OnlyAccountWithoutIdentifier_NeedsContext()
    {
        var account = EntityFactory.Account(name: "jdoe", displayName: "John Doe");
        var alert = Create("nc-3", [account], severity: Severity.Low);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(Verdict.NeedsContext, assessment.Verdict);
        Assert.Contains("Needs context: no entity identifies the user, device or file involved (only 1 account without an identifier)", assessment.Reasons);
    }

    [Fact]
    public void Assess_BuiltInAndPrivateIp_NeedsContext()
    {
        var alert = Create("nc-4", [EntityFactory.Account(sid: "S-1-5-18"), Ip("192.168.1.20"), Ip("10.0.0.7")], severity: Severity.Low);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(Verdict.NeedsContext, assessment.Verdict);
        Assert.Contains("Needs context: no entity identifies the user, device or file involved (only 1 built-in account, 2 private IPs)", assessment.Reasons);
    }

    [Fact]
    public void Assess_OnlyProcessAndMalwareName_NeedsContext()
    {
        var alert = Create("nc-5", [new ProcessEntity { ImageFileName = "mimikatz.exe" }, new MalwareEntity { Name = "HackTool:Win32/Mimikatz" }],
            severity: Severity.Medium);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(Verdict.NeedsContext, assessment.Verdict);
    }

    [Fact]
    public void Assess_ResolvedAccount_DoesNotNeedContext()
    {
        var alert = Create("nc-6", [EntityFactory.Account(sid: "S-1-5-21-1-2-3-1105")], severity: Severity.Informational);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(Verdict.Benign, assessment.Verdict);
    }

    [Fact]
    public void Assess_NeedsContext_HasLowConfidence()
    {
        var assessment = _scorer.Assess(Create("nc-7", [], severity: Severity.High), AlertContext.None);

        Assert.Equal(0.25, assessment.Confidence);
    }

    [Fact]
    public void Assess_AtThresholdOneRule_LowConfidence()
    {
        var alert = Create("conf-1", [PublicIp], severity: Severity.High);

        var assessment = ScorerScoring(70).Assess(alert, AlertContext.None);

        Assert.Equal(0.45, assessment.Confidence);
    }

    [Fact]
    public void Assess_FarFromThresholds_HighConfidence()
    {
        var alert = Create("conf-2", [PublicIp], severity: Severity.High, source: SourceProduct.DefenderForEndpoint, tactics: ["Impact"],
            extra: new Dictionary<string, string> { ["classification"] = "TruePositive" });

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(90, assessment.Score);
        Assert.Equal(0.92, assessment.Confidence);
    }

    [Theory]
    [InlineData(70, 70)]
    [InlineData(101, 50)]
    [InlineData(50, 0)]
    [InlineData(30, 40)]
    public void Constructor_InvalidThresholds_Throws(int malicious, int suspicious)
    {
        var options = new ScoringOptions { MaliciousThreshold = malicious, SuspiciousThreshold = suspicious };

        Assert.Throws<ArgumentException>(() => new RuleBasedScorer(options));
    }

    [Fact]
    public void Assess_RaisedMaliciousThreshold_KeepsScore75Suspicious()
    {
        var scorer = new RuleBasedScorer(new ScoringOptions { MaliciousThreshold = 80, SuspiciousThreshold = 40 });
        var alert = Create("v-6", [PublicIp], severity: Severity.High);

        var assessment = scorer.Assess(alert, new AlertContext(9, 3, true, true, "Impact"));

        Assert.Equal(75, assessment.Score);
        Assert.Equal(Verdict.Suspicious, assessment.Verdict);
    }
}
