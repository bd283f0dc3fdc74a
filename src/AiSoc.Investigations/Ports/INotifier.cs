namespace AiSoc.Investigations.Ports;

/// <summary>Sends investigation notices, such as an approval request or an expired approval, to a role or team.</summary>
public interface INotifier
{
    Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>What a notice is about.</summary>
public enum NoticeKind
{
    /// <summary>An approval request was created and waits for a person.</summary>
    ApprovalRequested,

    /// <summary>An approval request expired; no action was taken and the target must follow up.</summary>
    ApprovalExpired,

    /// <summary>
    /// The investigation withdrew a pending approval request, because the incident changed or was closed at the
    /// provider; a decision on it has no effect.
    /// </summary>
    ApprovalWithdrawn,

    /// <summary>An action stayed pending at the provider past the last status check; a person must confirm it.</summary>
    ActionUnverified,
}

/// <summary>One notice for a role or team.</summary>
/// <param name="Kind">What the notice is about.</param>
/// <param name="InvestigationId">The investigation.</param>
/// <param name="ApprovalId">The approval request concerned; empty for a notice about an action.</param>
/// <param name="Recipient">Role or team, such as <c>soc-tier2</c>.</param>
/// <param name="Message">Text for people.</param>
/// <param name="PlanHash">Plan hash of the approval request, which an approver must confirm.</param>
/// <param name="AdaptiveCard">Adaptive Card JSON for an approval request; null for other notices.</param>
/// <param name="IncidentId">Id of the stored incident, when the notice is about one.</param>
/// <param name="TriageKey">Key under which the incident is stored in the <see cref="IInvestigationStore"/>.</param>
public sealed record InvestigationNotice(
    NoticeKind Kind,
    string InvestigationId,
    string ApprovalId,
    string Recipient,
    string Message,
    string PlanHash,
    string? AdaptiveCard = null,
    string? IncidentId = null,
    string? TriageKey = null);
