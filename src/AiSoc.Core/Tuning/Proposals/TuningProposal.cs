namespace AiSoc.Core.Tuning.Proposals;

/// <summary>One change proposed to a reviewer, with its evidence. The JSON field names are a stable contract.</summary>
public sealed record TuningProposal
{
    /// <summary>Stable id derived from the kind, detector and condition, so reruns on the same data give the same id.</summary>
    public required string Id { get; init; }

    public required ProposalKind Kind { get; init; }

    /// <summary>Detector the proposal is about; null for coverage gaps and retraining.</summary>
    public string? DetectorId { get; init; }

    public required ProposalCondition Condition { get; init; }

    /// <summary>When an applied suppression stops matching; set for suppressions only.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public required ProposalEvidence Evidence { get; init; }

    public required string Rationale { get; init; }
}
