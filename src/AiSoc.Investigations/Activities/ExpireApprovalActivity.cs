using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Investigations.Ports;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Runs when the approval timer wins: marks the request expired, records "expired, no action taken" and notifies
/// the escalation target. A decision stored after the timer fired but before this activity ran is recorded as
/// late and has no effect, because the orchestration already stopped waiting.
/// </summary>
public sealed class ExpireApprovalActivity(IApprovalStore approvals, INotifier notifier, IAuditLog audit) : TaskActivity<ExpireApprovalRequest, ApprovalState>
{
    public override async Task<ApprovalState> RunAsync(TaskActivityContext context, ExpireApprovalRequest input)
    {
        var ticket = input.Ticket;
        string? late = null;
        for (var attempt = 0; ; attempt++)
        {
            var stored = await approvals.GetAsync(ticket.ApprovalId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Approval request {ticket.ApprovalId} was not found in the approval store.");
            var request = stored.Request;
            if (request.Status is ApprovalStatus.Approved or ApprovalStatus.Rejected)
            {
                late = $"{request.Status.ToString().ToLowerInvariant()} by {request.DecidedBy} after the request expired";
                break;
            }

            // Losing the compare-and-swap means a decision landed meanwhile; read again and record it as late.
            if (request.Status == ApprovalStatus.Expired
                || await approvals.TryReplaceAsync(request with { Status = ApprovalStatus.Expired }, stored.ETag).ConfigureAwait(false)
                || attempt >= 3)
            {
                break;
            }
        }

        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "decision", "approval-expired", "investigation", "expired, no action taken", new()
        {
            ["approvalId"] = ticket.ApprovalId,
            ["escalateTo"] = ticket.EscalateTo,
            ["lateDecision"] = late ?? "none",
        }).ConfigureAwait(false);

        await notifier.NotifyAsync(new InvestigationNotice(
            NoticeKind.ApprovalExpired,
            input.Input.InvestigationId,
            ticket.ApprovalId,
            ticket.EscalateTo,
            $"Approval {ticket.ApprovalId} expired at {ticket.ExpiresAt:u} with no decision; no action was taken. Review the investigation.",
            ticket.PlanHash)).ConfigureAwait(false);

        return new ApprovalState(ticket.ApprovalId, ApprovalStatus.Expired, null, null, null, late);
    }
}
