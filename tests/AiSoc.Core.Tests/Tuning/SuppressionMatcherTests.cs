using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Core.Tests.Scoring;
using AiSoc.Core.Tuning.Proposals;
using AiSoc.Core.Tuning.Suppressions;

namespace AiSoc.Core.Tests.Tuning;

public sealed class SuppressionMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Match_SameDetectorAndUpn_ReturnsSuppression()
    {
        var matcher = new SuppressionMatcher([Suppression("impossibleTravel", SuppressionFields.AccountUpn, "dana@contoso.com")], Now);

        var match = matcher.Match(Alert("impossibleTravel", TestAlerts.Upn("Dana@Contoso.com")));

        Assert.Equal("suppression-1", match?.ProposalId);
    }

    [Fact]
    public void Match_OtherDetector_ReturnsNull()
    {
        var matcher = new SuppressionMatcher([Suppression("impossibleTravel", SuppressionFields.AccountUpn, "dana@contoso.com")], Now);

        Assert.Null(matcher.Match(Alert("passwordSpray", TestAlerts.Upn("dana@contoso.com"))));
    }

    [Fact]
    public void Match_AddressInsidePrefix_ReturnsSuppression()
    {
        var matcher = new SuppressionMatcher([Suppression("scanner", SuppressionFields.IpPrefix, "81.2.69.0/24")], Now);

        Assert.NotNull(matcher.Match(Alert("scanner", TestAlerts.Ip("81.2.69.142"))));
    }

    [Fact]
    public void Match_AddressOutsidePrefix_ReturnsNull()
    {
        var matcher = new SuppressionMatcher([Suppression("scanner", SuppressionFields.IpPrefix, "81.2.69.0/24")], Now);

        Assert.Null(matcher.Match(Alert("scanner", TestAlerts.Ip("81.2.70.1"))));
    }

    [Fact]
    public void Match_ExpiredSuppression_ReturnsNull()
    {
        var expired = Suppression("impossibleTravel", SuppressionFields.AccountUpn, "dana@contoso.com") with { ExpiresAt = Now.AddMinutes(-1) };
        var matcher = new SuppressionMatcher([expired], Now);

        Assert.Null(matcher.Match(Alert("impossibleTravel", TestAlerts.Upn("dana@contoso.com"))));
    }

    [Fact]
    public void Assess_SuppressedAlert_IsBenignWithReason()
    {
        var matcher = new SuppressionMatcher([Suppression("impossibleTravel", SuppressionFields.AccountUpn, "dana@contoso.com")], Now);
        var scorer = new SuppressingScorer(new RuleBasedScorer(new ScoringOptions()), matcher);

        var assessment = scorer.Assess(Alert("impossibleTravel", TestAlerts.Upn("dana@contoso.com")), AlertContext.None);

        Assert.Equal((0, Verdict.Benign), (assessment.Score, assessment.Verdict));
        Assert.StartsWith("Suppressed by suppression-1", assessment.Reasons[0], StringComparison.Ordinal);
    }

    private static NormalizedAlert Alert(string detectorId, Entity entity) =>
        TestAlerts.Create("alert-" + detectorId, [entity], Severity.High, detectorId: detectorId);

    private static Suppression Suppression(string detectorId, string field, string value) => new()
    {
        ProposalId = "suppression-1",
        DetectorId = detectorId,
        EntityField = field,
        EntityValue = value,
        ExpiresAt = Now.AddDays(30),
        AppliedAt = Now.AddDays(-1),
        AppliedBy = "Dana Lead",
        EvidenceHash = "sha256:0",
    };
}
