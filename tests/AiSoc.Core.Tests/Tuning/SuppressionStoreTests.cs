using System.Text.Json;
using AiSoc.Core.Tests.Support;
using AiSoc.Core.Tuning.Proposals;
using AiSoc.Core.Tuning.Suppressions;

namespace AiSoc.Core.Tests.Tuning;

public sealed class SuppressionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Apply_Suppression_AddsToFileAndAppendsAudit()
    {
        var store = new SuppressionStore(new FixedTimeProvider(Now));
        var (suppressions, audit) = Paths();

        store.Apply(Proposal("suppression-aaaa"), suppressions, audit, "Dana Lead");
        store.Apply(Proposal("suppression-bbbb"), suppressions, audit, "Dana Lead");

        var stored = SuppressionStore.ReadSuppressions(suppressions);
        Assert.Equal(["suppression-aaaa", "suppression-bbbb"], stored.Select(s => s.ProposalId));
        var lines = File.ReadAllLines(audit);
        Assert.Equal(2, lines.Length);
        using var record = JsonDocument.Parse(lines[0]);
        Assert.Equal("Dana Lead", record.RootElement.GetProperty("by").GetString());
        Assert.Equal("suppression-aaaa", record.RootElement.GetProperty("proposalId").GetString());
        Assert.Equal(Proposal("suppression-aaaa").Evidence.ComputeHash(), record.RootElement.GetProperty("evidenceHash").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", record.RootElement.GetProperty("at").GetString());
    }

    [Fact]
    public void Apply_SameProposalTwice_Rejected()
    {
        var store = new SuppressionStore(new FixedTimeProvider(Now));
        var (suppressions, audit) = Paths();
        store.Apply(Proposal("suppression-aaaa"), suppressions, audit, "Dana Lead");

        var error = Assert.Throws<SuppressionException>(() => store.Apply(Proposal("suppression-aaaa"), suppressions, audit, "Dana Lead"));

        Assert.Contains("already", error.Message, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(audit));
    }

    [Fact]
    public void Apply_ReviewProposal_Rejected()
    {
        var store = new SuppressionStore(new FixedTimeProvider(Now));
        var (suppressions, audit) = Paths();
        var review = Proposal("review-rule-aaaa") with { Kind = ProposalKind.ReviewRule, Condition = new ProposalCondition() };

        Assert.Throws<SuppressionException>(() => store.Apply(review, suppressions, audit, "Dana Lead"));

        Assert.False(File.Exists(audit));
    }

    [Fact]
    public void Apply_ExpiredProposal_Rejected()
    {
        var store = new SuppressionStore(new FixedTimeProvider(Now.AddDays(40)));
        var (suppressions, audit) = Paths();

        var error = Assert.Throws<SuppressionException>(() => store.Apply(Proposal("suppression-aaaa"), suppressions, audit, "Dana Lead"));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AttackerControlledField_Rejected()
    {
        var store = new SuppressionStore(new FixedTimeProvider(Now));
        var (suppressions, audit) = Paths();
        var proposal = Proposal("suppression-aaaa") with
        {
            Condition = new ProposalCondition { EntityField = "process.commandLine", EntityValue = "backup.bat" },
        };

        Assert.Throws<SuppressionException>(() => store.Apply(proposal, suppressions, audit, "Dana Lead"));
    }

    [Fact]
    public void Apply_BlankApprover_Rejected()
    {
        var store = new SuppressionStore(new FixedTimeProvider(Now));
        var (suppressions, audit) = Paths();

        Assert.Throws<SuppressionException>(() => store.Apply(Proposal("suppression-aaaa"), suppressions, audit, " "));
    }

    [Fact]
    public void ComputeHash_DifferentEvidence_DifferentHash()
    {
        var evidence = Proposal("suppression-aaaa").Evidence;

        var changed = evidence with { BenignPositives = evidence.BenignPositives + 1 };

        Assert.NotEqual(evidence.ComputeHash(), changed.ComputeHash());
    }

    private (string Suppressions, string Audit) Paths() =>
        (Path.Combine(_files.Root, "suppressions.json"), Path.Combine(_files.Root, "audit.ndjson"));

    private static TuningProposal Proposal(string id) => new()
    {
        Id = id,
        Kind = ProposalKind.Suppression,
        DetectorId = "rule-travel",
        Condition = new ProposalCondition { EntityField = SuppressionFields.AccountUpn, EntityValue = "adele.vance@contoso.com" },
        ExpiresAt = Now.AddDays(30),
        Evidence = new ProposalEvidence { Alerts = 12, BenignPositives = 12, CaseIds = ["case-1", "case-2"] },
        Rationale = "All benign.",
    };
}
