using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Scoring;

public class SeverityAndSourceScoringTests
{
    private readonly RuleBasedScorer _scorer = new(new ScoringOptions());

    [Theory]
    [InlineData(Severity.High, 40, "High source severity (+40)")]
    [InlineData(Severity.Medium, 25, "Medium source severity (+25)")]
    [InlineData(Severity.Low, 10, "Low source severity (+10)")]
    [InlineData(Severity.Informational, 0, "Informational source severity (+0)")]
    [InlineData(Severity.Unknown, 18, "Unknown source severity (+18)")]
    public void Assess_Severity_AddsSeverityPoints(Severity severity, int expectedScore, string expectedReason)
    {
        var alert = Create("sev-1", [PublicIp], severity: severity);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(expectedScore, assessment.Score);
        Assert.Equal([expectedReason], assessment.Reasons);
    }

    [Fact]
    public void Assess_UnknownSeverity_RanksBetweenLowAndMedium()
    {
        var unknown = _scorer.Assess(Create("sev-u", [PublicIp], severity: Severity.Unknown), AlertContext.None);
        var low = _scorer.Assess(Create("sev-l", [PublicIp], severity: Severity.Low), AlertContext.None);
        var medium = _scorer.Assess(Create("sev-m", [PublicIp], severity: Severity.Medium), AlertContext.None);

        Assert.True(unknown.Score > low.Score);
        Assert.True(unknown.Score < medium.Score);
    }

    [Theory]
    [InlineData("antivirus", SourceProduct.DefenderXdr, null, 15, "Endpoint, antivirus or threat-intelligence detection (+15)")]
    [InlineData("WindowsDefenderAv", SourceProduct.DefenderForEndpoint, null, 15, "Endpoint, antivirus or threat-intelligence detection (+15)")]
    [InlineData("CustomerTI", SourceProduct.DefenderForEndpoint, null, 15, "Endpoint, antivirus or threat-intelligence detection (+15)")]
    [InlineData("microsoftDefenderForEndpoint", SourceProduct.DefenderXdr, null, 15, "Endpoint, antivirus or threat-intelligence detection (+15)")]
    [InlineData("microsoftDefenderForIdentity", SourceProduct.DefenderXdr, null, 10, "Detected by a security product's built-in analytics (+10)")]
    [InlineData("scheduledAlerts", SourceProduct.DefenderXdr, null, 5, "Detected by a custom analytics rule (+5)")]
    [InlineData("customDetection", SourceProduct.DefenderXdr, null, 5, "Detected by a custom analytics rule (+5)")]
    [InlineData("microsoftSentinel", SourceProduct.DefenderXdr, null, 5, "Detected by a custom analytics rule (+5)")]
    [InlineData(null, SourceProduct.DefenderForEndpoint, null, 15, "Endpoint, antivirus or threat-intelligence detection (+15)")]
    [InlineData(null, SourceProduct.Sentinel, "Azure Sentinel", 5, "Detected by a custom analytics rule (+5)")]
    [InlineData(null, SourceProduct.Sentinel, null, 5, "Detected by a custom analytics rule (+5)")]
    [InlineData(null, SourceProduct.Sentinel, "Microsoft Defender Advanced Threat Protection", 15, "Endpoint, antivirus or threat-intelligence detection (+15)")]
    [InlineData(null, SourceProduct.Sentinel, "Azure Active Directory Identity Protection", 10, "Detected by a security product's built-in analytics (+10)")]
    [InlineData(null, SourceProduct.DefenderForCloud, null, 10, "Detected by a security product's built-in analytics (+10)")]
    [InlineData(null, SourceProduct.EntraIdProtection, null, 10, "Detected by a security product's built-in analytics (+10)")]
    public void Assess_DetectionSource_AddsSourcePoints(string? detectionSource, string source, string? product, int expectedPoints, string expectedReason)
    {
        var alert = Create("src-1", [PublicIp], severity: Severity.Informational, source: source, productName: product, detectionSource: detectionSource);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(expectedPoints, assessment.Score);
        Assert.Contains(expectedReason, assessment.Reasons);
    }

    [Fact]
    public void Assess_ThirdPartySource_AddsNoPoints()
    {
        var alert = Create("src-tp", [PublicIp], severity: Severity.Informational, source: SourceProduct.ThirdParty);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(0, assessment.Score);
        Assert.Equal(["Informational source severity (+0)"], assessment.Reasons);
    }

    [Theory]
    [InlineData("Exfiltration", 15, "Late-stage ATT&CK tactic Exfiltration (+15)")]
    [InlineData("CredentialAccess", 15, "Late-stage ATT&CK tactic CredentialAccess (+15)")]
    [InlineData("LateralMovement", 15, "Late-stage ATT&CK tactic LateralMovement (+15)")]
    [InlineData("CommandAndControl", 15, "Late-stage ATT&CK tactic CommandAndControl (+15)")]
    [InlineData("Impact", 15, "Late-stage ATT&CK tactic Impact (+15)")]
    [InlineData("Execution", 8, "Mid-stage ATT&CK tactic Execution (+8)")]
    [InlineData("Discovery", 8, "Mid-stage ATT&CK tactic Discovery (+8)")]
    [InlineData("InitialAccess", 3, "Early-stage ATT&CK tactic InitialAccess (+3)")]
    [InlineData("Reconnaissance", 3, "Early-stage ATT&CK tactic Reconnaissance (+3)")]
    public void Assess_Tactic_AddsStagePoints(string tactic, int expectedPoints, string expectedReason)
    {
        var alert = Create("stage-1", [PublicIp], severity: Severity.Informational, tactics: [tactic]);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(expectedPoints, assessment.Score);
        Assert.Contains(expectedReason, assessment.Reasons);
    }

    [Fact]
    public void Assess_SeveralTactics_ScoresStrongestOnce()
    {
        var alert = Create("stage-2", [PublicIp], severity: Severity.Informational, tactics: ["InitialAccess", "Discovery", "Exfiltration", "Execution"]);

        var assessment = _scorer.Assess(alert, AlertContext.None);

        Assert.Equal(15, assessment.Score);
        Assert.Single(assessment.Reasons, r => r.Contains("ATT&CK", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_LateStageIncident_AddsPoints()
    {
        var alert = Create("stage-3", [PublicIp], severity: Severity.Informational, tactics: ["InitialAccess"]);
        var context = AlertContext.None with { FurthestIncidentTactic = "LateralMovement" };

        var assessment = _scorer.Assess(alert, context);

        Assert.Equal(3 + 5, assessment.Score);
        Assert.Contains("Part of an incident that reached LateralMovement (+5)", assessment.Reasons);
    }

    [Fact]
    public void Assess_LateStageAlert_SkipsIncidentPoints()
    {
        var alert = Create("stage-4", [PublicIp], severity: Severity.Informational, tactics: ["CredentialAccess"]);
        var context = AlertContext.None with { FurthestIncidentTactic = "Impact" };

        var assessment = _scorer.Assess(alert, context);

        Assert.Equal(15, assessment.Score);
    }

    [Theory]
    [InlineData("Microsoft Defender Advanced Threat Protection", SourceProduct.DefenderForEndpoint)]
    [InlineData("Microsoft Defender for Endpoint", SourceProduct.DefenderForEndpoint)]
    [InlineData("Azure Security Center", SourceProduct.DefenderForCloud)]
    [InlineData("Azure Sentinel", SourceProduct.Sentinel)]
    [InlineData("Microsoft Entra ID Protection", SourceProduct.EntraIdProtection)]
    [InlineData("Contoso Firewall", "contoso firewall")]
    [InlineData(null, SourceProduct.Sentinel)]
    public void ProductKey_ProductName_MapsToProduct(string? productName, string expected)
    {
        var alert = Create("product-1", source: SourceProduct.Sentinel, productName: productName);

        Assert.Equal(expected, ProductKey.Of(alert));
    }
}
