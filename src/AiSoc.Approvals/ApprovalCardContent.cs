using AiSoc.Core.Schema;

namespace AiSoc.Approvals;

/// <summary>What the approval card shows; every text field may carry attacker-controlled text.</summary>
public sealed record ApprovalCardContent
{
    public required ApprovalRequest Request { get; init; }

    public required string IncidentTitle { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>Verdict confidence from 0 to 1; null when unknown.</summary>
    public double? Confidence { get; init; }

    /// <summary>Short evidence lines, such as the scorer's reasons.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Absolute HTTPS URL of the approval page for this request.</summary>
    public required Uri ApprovalPageUrl { get; init; }
}
