using AiSoc.Core.Schema;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>What a proposal matches or changes. Only the members that apply to its kind are set.</summary>
public sealed record ProposalCondition
{
    /// <summary>Stable entity field of a suppression; one of <see cref="SuppressionFields.Allowed"/>.</summary>
    public string? EntityField { get; init; }

    /// <summary>Lower-case value of <see cref="EntityField"/>, or a CIDR prefix for <c>ip.prefix</c>.</summary>
    public string? EntityValue { get; init; }

    public Severity? CurrentSeverity { get; init; }

    public Severity? ProposedSeverity { get; init; }

    /// <summary>ATT&amp;CK technique of a coverage gap.</summary>
    public string? Technique { get; init; }

    /// <summary>Human verdicts counted toward a retraining trigger, and the configured threshold.</summary>
    public int? NewHumanVerdicts { get; init; }

    public int? RetrainThreshold { get; init; }
}
