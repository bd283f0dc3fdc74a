using System.Text.Json.Serialization;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>What a tuning proposal asks a reviewer to change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProposalKind>))]
public enum ProposalKind
{
    /// <summary>Suppress one detector's alerts for one stable entity key until the proposal expires.</summary>
    [JsonStringEnumMemberName("suppression")] Suppression,
    [JsonStringEnumMemberName("lower-severity")] LowerSeverity,
    [JsonStringEnumMemberName("raise-severity")] RaiseSeverity,

    /// <summary>Review or disable a detector with no true positives in the period.</summary>
    [JsonStringEnumMemberName("review-rule")] ReviewRule,

    /// <summary>An ATT&amp;CK technique seen in incidents that no detector covers.</summary>
    [JsonStringEnumMemberName("coverage-gap")] CoverageGap,

    /// <summary>Enough new human verdicts exist to retrain the triage model.</summary>
    [JsonStringEnumMemberName("retrain-model")] RetrainModel,
}
