namespace AiSoc.Core.Response;

/// <summary>The actions one playbook proposes for one investigation, with the hash approvers confirm.</summary>
public sealed class ResponsePlan
{
    public required string InvestigationId { get; init; }

    public required string PlaybookId { get; init; }

    /// <summary>Actions sorted by idempotency key.</summary>
    public required IReadOnlyList<ProposedAction> Actions { get; init; }

    /// <summary>Lower-case hexadecimal SHA-256 of the canonical JSON of <see cref="Actions"/>; see <see cref="PlanHasher"/>.</summary>
    public required string PlanHash { get; init; }

    /// <summary>The first 12 characters of <see cref="PlanHash"/>, for display on cards and pages.</summary>
    public string ShortHash => PlanHasher.Shorten(PlanHash);
}
