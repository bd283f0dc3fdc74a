using AiSoc.Core.Response;

namespace AiSoc.Approvals;

/// <summary>One action an approver decides on, as shown on the card and the page.</summary>
/// <param name="IdempotencyKey">The plan action's idempotency key.</param>
/// <param name="Type">Action type.</param>
/// <param name="TargetKind">Entity kind of the target.</param>
/// <param name="TargetId">Stable target identifier, such as <c>upn:alice@contoso.com</c>.</param>
/// <param name="TargetDisplayName">Target name for people; may carry attacker-controlled text.</param>
/// <param name="Impact">Impact level.</param>
/// <param name="TargetIdentities">Lower-case object ids and UPNs of an account or mailbox target, used to refuse self-approval.</param>
public sealed record ApprovalAction(
    string IdempotencyKey,
    ResponseActionType Type,
    string TargetKind,
    string TargetId,
    string TargetDisplayName,
    ImpactLevel Impact,
    IReadOnlyList<string> TargetIdentities);
