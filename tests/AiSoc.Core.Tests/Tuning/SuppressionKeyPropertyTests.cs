using AiSoc.Core.Schema;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tests.Tuning;

/// <summary>
/// Generates random outcome sets whose alerts carry attacker-controlled entities next to stable ones, and checks
/// every proposal that keys on an entity.
/// </summary>
public sealed class SuppressionKeyPropertyTests
{
    private static readonly string[] AttackerControlledFields =
    [
        "process.commandLine", "process.imageFileName", "file.name", "file.path", "url", "mail-message.subject",
        "mail-message.sender", "domain", "registry.valueData", "malware.name",
    ];

    [Fact]
    public void Propose_RandomOutcomes_KeysOnlyOnStableFields()
    {
        var checkedProposals = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var outcomes = RandomOutcomes(new Random(seed));

            var proposals = Propose(outcomes);

            foreach (var proposal in proposals.Where(p => p.Condition.EntityField is not null))
            {
                checkedProposals++;
                Assert.Contains(proposal.Condition.EntityField, SuppressionFields.Allowed);
                Assert.DoesNotContain(proposal.Condition.EntityField, AttackerControlledFields);
            }
        }

        // The generator must produce suppressions, or the property above was never exercised.
        Assert.True(checkedProposals > 20, $"only {checkedProposals} entity-keyed proposals were generated");
    }

    [Fact]
    public void Propose_RandomOutcomes_CiteEvidence()
    {
        for (var seed = 100; seed <= 130; seed++)
        {
            var outcomes = RandomOutcomes(new Random(seed));

            var proposals = Propose(outcomes);

            foreach (var proposal in proposals)
            {
                Assert.NotEmpty(proposal.Evidence.CaseIds);
                Assert.False(string.IsNullOrWhiteSpace(proposal.Rationale));
                Assert.Equal(proposal.Kind == ProposalKind.Suppression, proposal.ExpiresAt is not null);
            }
        }
    }

    private static List<TuningProposal> Propose(List<CaseOutcome> outcomes)
    {
        var proposer = new TuningProposer(new TuningOptions { MinSuppressionCases = 3 }, new FixedTimeProvider(Cases.Start));
        return TuningAnalysis.Run(outcomes, ReportingPeriod.All, proposer).Proposals.ToList();
    }

    private static List<CaseOutcome> RandomOutcomes(Random random)
    {
        var outcomes = new List<CaseOutcome>();
        var count = random.Next(20, 80);
        for (var i = 0; i < count; i++)
        {
            var detector = "rule-" + random.Next(3);
            var verdict = random.Next(10) switch
            {
                0 => CaseVerdict.TruePositive,
                < 6 => CaseVerdict.BenignPositive,
                < 9 => CaseVerdict.FalsePositive,
                _ => CaseVerdict.Unknown,
            };
            var decidedBy = random.Next(5) == 0 ? VerdictSource.Automation : VerdictSource.Human;
            outcomes.Add(Cases.Outcome(detector, verdict, RandomEntities(random), decidedBy, day: random.Next(60)));
        }

        return outcomes;
    }

    private static List<Entity> RandomEntities(Random random)
    {
        // Small value pools make repeated values, and so suppression candidates, likely for every kind of entity.
        // Each entity draws its own value, so no attacker-controlled value always travels with a stable one.
        int Pick() => random.Next(3);
        var host = Pick();
        return
        [
            new ProcessEntity { CommandLine = $"cmd.exe /c backup{Pick()}.bat", ImageFileName = $"tool{Pick()}.exe" },
            new FileEntity { Name = $"report{Pick()}.docx", Path = $@"C:\Users\Public\{Pick()}" },
            new UrlEntity { Url = $"https://cdn{Pick()}.example/update" },
            new MailMessageEntity { Subject = $"Invoice {Pick()}", Sender = $"billing{Pick()}@fabrikam.example" },
            new DomainEntity { Name = $"update{Pick()}.example" },
            new MalwareEntity { Name = $"Test/Eicar{Pick()}" },
            Cases.Account("user" + Pick()),
            new HostEntity { HostName = $"ws-{host}", Fqdn = $"ws-{host}.contoso.com", DefenderDeviceId = new string((char)('a' + host), 40) },
            random.Next(2) == 0 ? Cases.Ip($"203.0.113.{random.Next(256)}") : Cases.Ip($"2001:db8:1:{random.Next(2)}::{random.Next(1, 999)}"),
        ];
    }
}
