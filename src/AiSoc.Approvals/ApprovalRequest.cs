using AiSoc.Core.Response;
using AiSoc.Core.Schema;

namespace AiSoc.Approvals;

/// <summary>A request for a person to approve the actions of a plan that the policy did not allow to run automatically.</summary>
public sealed record ApprovalRequest
{
    /// <summary>Unguessable id used in the approval URL.</summary>
    public required string ApprovalId { get; init; }

    public required string InvestigationId { get; init; }

    /// <summary>Full plan hash the approver must confirm.</summary>
    public required string PlanHash { get; init; }

    public required IReadOnlyList<ApprovalAction> Actions { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Role or team notified when the request expires.</summary>
    public required string EscalateTo { get; init; }

    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;

    /// <summary>Object id or UPN of the person who decided; null while pending or after expiry.</summary>
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecisionComment { get; init; }

    /// <summary>
    /// Creates a pending request for the actions of <paramref name="decisions"/> that need approval. It expires
    /// after the shortest approval timeout of those actions and escalates to that action's target.
    /// </summary>
    /// <exception cref="ArgumentException">No action needs approval.</exception>
    public static ApprovalRequest FromEvaluation(string approvalId, PolicyEvaluation evaluation, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalId);
        ArgumentNullException.ThrowIfNull(evaluation);

        var pending = evaluation.NeedingApproval.Select(decision => decision.Action).ToList();
        if (pending.Count == 0)
        {
            throw new ArgumentException($"No action of plan {evaluation.Plan.ShortHash} needs approval.", nameof(evaluation));
        }

        var first = pending.MinBy(action => action.ApprovalTimeout)!;
        return new ApprovalRequest
        {
            ApprovalId = approvalId,
            InvestigationId = evaluation.Plan.InvestigationId,
            PlanHash = evaluation.Plan.PlanHash,
            Actions = [.. pending.Select(ToApprovalAction)],
            CreatedAt = now,
            ExpiresAt = now + first.ApprovalTimeout,
            EscalateTo = first.EscalateTo,
        };
    }

    private static ApprovalAction ToApprovalAction(ProposedAction action) => new(
        action.IdempotencyKey,
        action.Type,
        action.Target.Kind,
        action.Target.Id,
        action.Target.DisplayName,
        action.Impact,
        IdentitiesOf(action.Target.Entity));

    private static string[] IdentitiesOf(Entity? entity)
    {
        string?[] ids = entity switch
        {
            AccountEntity account => [account.ObjectId, account.Upn],
            MailboxEntity mailbox => [mailbox.Upn, mailbox.Address],
            _ => [],
        };
        return [.. ids.OfType<string>().Select(id => id.ToLowerInvariant())];
    }
}
