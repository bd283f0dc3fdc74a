using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Investigations.Ports;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Withdraws a pending approval request after an incident update: stores it as expired with the reason as its
/// comment, audits it and notifies the escalation target. <see cref="ApprovalHandler"/> treats an expired request as
/// closed, so a later click records a late decision and cannot approve the withdrawn plan. A decision stored
/// before the withdrawal is kept in the store but recorded as late, because its plan no longer applies.
/// </summary>
public sealed class WithdrawApprovalActivity(IApprovalStore approvals, INotifier notifier, IAuditLog audit) : TaskActivity<WithdrawApprovalRequest, ApprovalState>
{
    // Compare-and-swap attempts before the activity gives up and reads the request as it is.
    private const int MaxAttempts = 4;

    public override async Task<ApprovalState> RunAsync(TaskActivityContext context, WithdrawApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var ticket = input.Ticket;
        var comment = "withdrawn: " + input.Reason;
        string? late = null;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await approvals.GetAsync(ticket.ApprovalId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Approval request {ticket.ApprovalId} was not found in the approval store.");
            var request = stored.Request;
            if (request.Status is ApprovalStatus.Approved or ApprovalStatus.Rejected)
            {
                late = $"{request.Status.ToString().ToLowerInvariant()} by {request.DecidedBy} before the request was withdrawn";
                break;
            }

            // Losing the compare-and-swap means a decision landed meanwhile; read again and record it as late.
            var withdrawn = request with { Status = ApprovalStatus.Expired, DecidedAt = input.WithdrawnAt, DecisionComment = comment };
            if (request.Status == ApprovalStatus.Expired
                || await approvals.TryReplaceAsync(withdrawn, stored.ETag).ConfigureAwait(false)
                || attempt >= MaxAttempts)
            {
                break;
            }
        }

        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "decision", "approval-withdrawn", "investigation", "withdrawn, no action taken", new()
        {
            ["approvalId"] = ticket.ApprovalId,
            ["planHash"] = ticket.PlanHash,
            ["reason"] = input.Reason,
            ["lateDecision"] = late ?? "none",
        }).ConfigureAwait(false);

        await notifier.NotifyAsync(new InvestigationNotice(
            NoticeKind.ApprovalWithdrawn,
            input.Input.InvestigationId,
            ticket.ApprovalId,
            ticket.EscalateTo,
            $"Approval {ticket.ApprovalId} was withdrawn: {input.Reason}. A decision on it has no effect.",
            ticket.PlanHash)).ConfigureAwait(false);

        return new ApprovalState(ticket.ApprovalId, ApprovalStatus.Expired, null, input.WithdrawnAt, comment, late, input.Reason);
    }
}
