using AiSoc.Core.Schema;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Performance;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tests.Tuning;

public sealed class TuningProposerSuppressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Propose_AlwaysBenignWithEnoughCases_ProposesSuppression()
    {
        var account = Cases.Account("adele.vance");
        var outcomes = Cases.Many(10, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);

        var suppressions = Suppressions(outcomes);

        var suppression = Assert.Single(suppressions);
        Assert.Equal("rule-travel", suppression.DetectorId);
        Assert.Equal(SuppressionFields.AccountObjectId, suppression.Condition.EntityField);
        Assert.Equal(account.ObjectId, suppression.Condition.EntityValue);
        Assert.Equal(Now.AddDays(30), suppression.ExpiresAt);
        Assert.Equal(10, suppression.Evidence.BenignPositives);
        Assert.Equal(10, suppression.Evidence.CaseIds.Count);
    }

    [Fact]
    public void Propose_MixedBenignAndFalsePositive_ProposesSuppression()
    {
        var account = Cases.Account("lee.gu");
        var outcomes = Cases.Many(5, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);
        outcomes.AddRange(Cases.Many(5, "rule-travel", CaseVerdict.FalsePositive, _ => [account]));

        var suppressions = Suppressions(outcomes);

        Assert.Single(suppressions);
    }

    [Fact]
    public void Propose_TooFewCases_NoSuppression()
    {
        var account = Cases.Account("lee.gu");
        var outcomes = Cases.Many(9, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    [Fact]
    public void Propose_ConfiguredMinimum_Honoured()
    {
        var account = Cases.Account("lee.gu");
        var outcomes = Cases.Many(4, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);

        var suppressions = Suppressions(outcomes, new TuningOptions { MinSuppressionCases = 4 });

        Assert.Single(suppressions);
    }

    [Fact]
    public void Propose_OneTruePositive_NoSuppression()
    {
        var account = Cases.Account("diego.siciliani");
        var outcomes = Cases.Many(12, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);
        outcomes.Add(Cases.Outcome("rule-travel", CaseVerdict.TruePositive, [account], day: 20));

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    [Fact]
    public void Propose_AutomationTruePositive_StillBlocksSuppression()
    {
        var account = Cases.Account("diego.siciliani");
        var outcomes = Cases.Many(12, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);
        outcomes.Add(Cases.Outcome("rule-travel", CaseVerdict.TruePositive, [account], VerdictSource.Automation, day: 20));

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    [Fact]
    public void Propose_AutomationVerdictsOnly_NoSuppression()
    {
        var account = Cases.Account("alex.wilber");
        var outcomes = Cases.Many(20, "rule-travel", CaseVerdict.BenignPositive, _ => [account], VerdictSource.Automation);

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    [Fact]
    public void Propose_AutomationTopUp_NoSuppression()
    {
        var account = Cases.Account("alex.wilber");
        var outcomes = Cases.Many(6, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);
        outcomes.AddRange(Cases.Many(6, "rule-travel", CaseVerdict.BenignPositive, _ => [account], VerdictSource.Automation));

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    [Fact]
    public void Propose_AutomationVerdicts_CountedInEvidenceOnly()
    {
        var account = Cases.Account("adele.vance");
        var outcomes = Cases.Many(10, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);
        outcomes.AddRange(Cases.Many(3, "rule-travel", CaseVerdict.BenignPositive, _ => [account], VerdictSource.Automation));

        var suppression = Assert.Single(Suppressions(outcomes));

        Assert.Equal(10, suppression.Evidence.BenignPositives);
        Assert.Equal(3, suppression.Evidence.AutomationVerdicts);
        Assert.Equal(13, suppression.Evidence.Alerts);
    }

    [Fact]
    public void Propose_Ipv4AddressesInOnePrefix_SuppressesSlash24()
    {
        var outcomes = Cases.Many(10, "rule-spray", CaseVerdict.BenignPositive, i => [Cases.Ip($"198.51.100.{10 + i}")]);

        var suppression = Assert.Single(Suppressions(outcomes));

        Assert.Equal(SuppressionFields.IpPrefix, suppression.Condition.EntityField);
        Assert.Equal("198.51.100.0/24", suppression.Condition.EntityValue);
    }

    [Fact]
    public void Propose_Ipv6AddressesInOnePrefix_SuppressesSlash64()
    {
        var outcomes = Cases.Many(10, "rule-spray", CaseVerdict.BenignPositive, i => [Cases.Ip($"2001:db8:4a:7:{i:x}::1")]);

        var suppression = Assert.Single(Suppressions(outcomes));

        Assert.Equal(SuppressionFields.IpPrefix, suppression.Condition.EntityField);
        Assert.Equal("2001:db8:4a:7::/64", suppression.Condition.EntityValue);
    }

    [Fact]
    public void Propose_Ipv6AddressesAcrossPrefixes_NoSuppression()
    {
        var outcomes = Cases.Many(10, "rule-spray", CaseVerdict.BenignPositive, i => [Cases.Ip($"2001:db8:4a:{i:x}::1")]);

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    [Fact]
    public void Propose_ObjectIdAndUpn_KeepsObjectId()
    {
        var account = Cases.Account("adele.vance");
        var outcomes = Cases.Many(10, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);

        var suppression = Assert.Single(Suppressions(outcomes));

        Assert.Equal(SuppressionFields.AccountObjectId, suppression.Condition.EntityField);
    }

    [Fact]
    public void Propose_SameData_SameProposalIds()
    {
        var account = Cases.Account("adele.vance");
        var outcomes = Cases.Many(10, "rule-travel", CaseVerdict.BenignPositive, _ => [account]);

        var first = Suppressions(outcomes).Single().Id;
        var second = Suppressions(outcomes).Single().Id;

        Assert.Equal(first, second);
        Assert.StartsWith("suppression-", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_AttackerControlledEntitiesOnly_NoSuppression()
    {
        var outcomes = Cases.Many(15, "rule-encoded", CaseVerdict.FalsePositive, _ =>
        [
            new ProcessEntity { CommandLine = "powershell -enc AAAA", ProcessId = "4242" },
            new UrlEntity { Url = "https://contoso.example/payload" },
        ]);

        var suppressions = Suppressions(outcomes);

        Assert.Empty(suppressions);
    }

    internal static List<TuningProposal> Suppressions(List<CaseOutcome> outcomes, TuningOptions? options = null)
    {
        var proposer = new TuningProposer(options ?? new TuningOptions(), new FixedTimeProvider(Now));
        var analysis = TuningAnalysis.Run(outcomes, ReportingPeriod.All, proposer);
        return analysis.Proposals.Where(p => p.Kind == ProposalKind.Suppression).ToList();
    }
}
