using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>Options and period shared by the proposal rules, with the evidence builder they all use.</summary>
internal sealed record ProposalContext(TuningOptions Options, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd)
{
    /// <summary>Builds evidence from <paramref name="cases"/>; only human verdicts enter the TP, BP and FP counts.</summary>
    public ProposalEvidence Evidence(IReadOnlyCollection<CaseOutcome> cases) => new()
    {
        Alerts = cases.Count,
        TruePositives = cases.Count(c => c.IsHumanLabel && c.Verdict == CaseVerdict.TruePositive),
        BenignPositives = cases.Count(c => c.IsHumanLabel && c.Verdict == CaseVerdict.BenignPositive),
        FalsePositives = cases.Count(c => c.IsHumanLabel && c.Verdict == CaseVerdict.FalsePositive),
        AutomationVerdicts = cases.Count(c => c.DecidedBy == VerdictSource.Automation && c.Verdict != CaseVerdict.Unknown),
        CaseIds = cases.OrderBy(c => c.CreatedAt).Select(c => c.CaseId).Distinct(StringComparer.Ordinal)
            .Take(Options.EvidenceSampleSize).ToList(),
        PeriodStart = PeriodStart,
        PeriodEnd = PeriodEnd,
    };

    /// <summary>Creates a proposal with its stable id.</summary>
    public static TuningProposal Create(ProposalKind kind, string? detectorId, ProposalCondition condition,
        ProposalEvidence evidence, string rationale, DateTimeOffset? expiresAt = null) => new()
    {
        Id = ProposalIds.Create(kind, detectorId, condition),
        Kind = kind,
        DetectorId = detectorId,
        Condition = condition,
        ExpiresAt = expiresAt,
        Evidence = evidence,
        Rationale = rationale,
    };
}
