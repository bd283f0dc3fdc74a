namespace AiSoc.Core.Tuning.Suppressions;

/// <summary>One line of the audit file: who applied which proposal, when, and the hash of its evidence.</summary>
public sealed record SuppressionAuditRecord(
    string Action,
    DateTimeOffset At,
    string By,
    string ProposalId,
    string DetectorId,
    string EntityField,
    string EntityValue,
    DateTimeOffset ExpiresAt,
    string EvidenceHash);
