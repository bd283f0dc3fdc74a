namespace AiSoc.Core.Tuning.Suppressions;

/// <summary>An applied suppression: alerts of the detector whose entity matches the field and value are suppressed until expiry.</summary>
public sealed record Suppression
{
    /// <summary>Id of the proposal the suppression was applied from.</summary>
    public required string ProposalId { get; init; }

    public required string DetectorId { get; init; }

    public required string EntityField { get; init; }

    public required string EntityValue { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required DateTimeOffset AppliedAt { get; init; }

    public required string AppliedBy { get; init; }

    /// <summary>SHA-256 of the proposal's evidence, so the audit record shows what the approver saw.</summary>
    public required string EvidenceHash { get; init; }
}
