using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Scoring;

public class ContextAndSignalScoringTests
{
    private readonly RuleBasedScorer _scorer = new(new ScoringOptions());

    private static NormalizedAlert Neutral(IReadOnlyDictionary<string, string>? extra = null) =>
        Create("ctx-1", [PublicIp], severity: Severity.Informational, extra: extra);

    [Fact]
    public void Assess_CorroboratedAcrossProducts_AddsCorroborationPoints()
    {
        var context = new AlertContext(3, 2, true, false, null);

        var assessment = _scorer.Assess(Neutral(), context);

        Assert.Equal(15 + 10, assessment.Score);
        Assert.Contains("Corroborated by 3 other alerts from 2 products, including another product (+25)", assessment.Reasons);
    }

    [Fact]
    public void Assess_SameProductCorroboration_NoBonus()
    {
        var context = new AlertContext(1, 1, false, false, null);

        var assessment = _scorer.Assess(Neutral(), context);

        Assert.Equal(5, assessment.Score);
        Assert.Contains("Corroborated by 1 other alert from 1 product, all from the same product (+5)", assessment.Reasons);
    }

    [Fact]
    public void Assess_ManyCorrelatedAlerts_CapsCorroborationPoints()
    {
        var context = new AlertContext(40, 1, false, false, null);

        var assessment = _scorer.Assess(Neutral(), context);

        Assert.Equal(15, assessment.Score);
    }

    [Fact]
    public void Assess_CorrelatedHighSeverity_AddsPoints()
    {
        var context = new AlertContext(1, 1, false, true, null);

        var assessment = _scorer.Assess(Neutral(), context);

        Assert.Equal(5 + 5, assessment.Score);
        Assert.Contains("A correlated alert has high severity (+5)", assessment.Reasons);
    }

    [Fact]
    public void Assess_NoCorrelation_AddsNoCorroborationReason()
    {
        var assessment = _scorer.Assess(Neutral(), AlertContext.None);

        Assert.DoesNotContain(assessment.Reasons, r => r.StartsWith("Corroborated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("classification", "truePositive", 20, "Provider marked the alert TruePositive (+20)")]
    [InlineData("Classification", "TruePositive", 20, "Provider marked the alert TruePositive (+20)")]
    [InlineData("determination", "malware", 20, "Provider marked the alert Malware (+20)")]
    [InlineData("providerDetermination", "Apt", 20, "Provider marked the alert APT (+20)")]
    [InlineData("classification", "falsePositive", 0, "Provider marked the alert FalsePositive (-30)")]
    [InlineData("classification", "BenignPositive", 0, "Provider marked the alert as expected activity: BenignPositive (-20)")]
    [InlineData("classification", "informationalExpectedActivity", 0, "Provider marked the alert as expected activity: InformationalExpectedActivity (-20)")]
    [InlineData("determination", "securityTesting", 0, "Provider marked the alert as expected activity: SecurityTesting (-20)")]
    public void Assess_ProviderSignal_ChangesScore(string field, string value, int expectedScore, string expectedReason)
    {
        var alert = Neutral(new Dictionary<string, string> { [field] = value });

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(expectedScore, assessment.Score);
        Assert.Contains(expectedReason, assessment.Reasons);
    }

    [Fact]
    public void Assess_BenignSignalOnHighAlert_LowersScore()
    {
        var alert = Create("ctx-2", [PublicIp], severity: Severity.High,
            extra: new Dictionary<string, string> { ["classification"] = "BenignPositive" });

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(40 - 20, assessment.Score);
    }

    [Fact]
    public void Assess_ClassificationAndDetermination_RaisesOnce()
    {
        var extra = new Dictionary<string, string> { ["classification"] = "truePositive", ["determination"] = "malware" };

        var assessment = _scorer.Assess(Neutral(extra), AlertContext.None);

        Assert.Equal(20, assessment.Score);
        Assert.Contains("Provider marked the alert TruePositive, Malware (+20)", assessment.Reasons);
    }

    [Fact]
    public void Assess_FalsePositiveAndBenign_LowersOnce()
    {
        var extra = new Dictionary<string, string> { ["classification"] = "falsePositive", ["determination"] = "notMalicious" };
        var alert = Create("ctx-3", [PublicIp], severity: Severity.High, extra: extra);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(40 - 30, assessment.Score);
    }

    [Theory]
    [InlineData("classification", "unknown")]
    [InlineData("determination", "notAvailable")]
    [InlineData("classification", "Undetermined")]
    [InlineData("riskEventType", "malware")]
    [InlineData("classification", "malware is here, run <script>")]
    public void Assess_NeutralOrUnrelatedExtra_AddsNoPoints(string field, string value)
    {
        var alert = Neutral(new Dictionary<string, string> { [field] = value });

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(0, assessment.Score);
        Assert.DoesNotContain(assessment.Reasons, r => r.StartsWith("Provider", StringComparison.Ordinal));
    }
}
