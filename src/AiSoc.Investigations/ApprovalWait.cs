using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Investigations.Activities;
using Microsoft.DurableTask;

namespace AiSoc.Investigations;

/// <summary>
/// Waits for a person's decision on an approval request: the <see cref="InvestigationOrchestrator.ApprovalDecidedEvent"/>
/// event races a durable timer set to the request's expiry and the next incident update, and the losers are
/// cancelled. The event only wakes the orchestration; the decision itself is always read from the approval store.
/// An incident update re-plans: when the provider closed the incident or the plan hash changed, the request is
/// withdrawn and the wait returns the re-plan result.
/// </summary>
internal static class ApprovalWait
{
    public static async Task<ApprovalWaitResult> WaitAsync(TaskOrchestrationContext context, InvestigationInput input, ApprovalTicket ticket, IncidentUpdateLog updates)
    {
        // A decision stored before this point (a fast approver, or a replay after a crash) wins without waiting.
        var state = await context.CallActivityAsync<ApprovalState>(nameof(ReadApprovalActivity), ticket.ApprovalId);

        while (state.Status == ApprovalStatus.Pending)
        {
            using var cancellation = new CancellationTokenSource();
            var decided = context.WaitForExternalEvent<string>(InvestigationOrchestrator.ApprovalDecidedEvent, cancellation.Token);
            var expired = context.CreateTimer(ticket.ExpiresAt.UtcDateTime, cancellation.Token);

            // The update wait belongs to the update log and is never cancelled, so no update is lost.
            var updated = updates.Next;

            // A periodic store check finds a decision whose event was never raised or was lost on the way.
            var recheckAt = context.CurrentUtcDateTime + ticket.RecheckInterval;
            var waits = recheckAt < ticket.ExpiresAt.UtcDateTime
                ? new[] { decided, expired, updated, context.CreateTimer(recheckAt, cancellation.Token) }
                : [decided, expired, updated];

            var winner = await Task.WhenAny(waits);

            // Cancel synchronously: the orchestration must not hop threads, and the losers must stop before the next step.
#pragma warning disable CA1849 // CancelAsync would continue on another thread, which an orchestrator must not do.
            cancellation.Cancel();
#pragma warning restore CA1849

            if (winner == expired)
            {
                return new ApprovalWaitResult(await context.CallActivityAsync<ApprovalState>(nameof(ExpireApprovalActivity), new ExpireApprovalRequest(input, ticket)), null);
            }

            if (winner == updated)
            {
                var withdrawn = await ReplanAsync(context, input, ticket, updates);
                if (withdrawn is not null)
                {
                    return withdrawn;
                }
            }

            // An event for another request, one raised before the decision was stored, or an update that left the
            // plan as it was leaves the request pending, so the loop waits again until the same expiry.
            state = await context.CallActivityAsync<ApprovalState>(nameof(ReadApprovalActivity), ticket.ApprovalId);
        }

        // Expired in the store means an approver hit the expiry first; the request is closed with no action.
        return new ApprovalWaitResult(
            state.Status == ApprovalStatus.Expired
                ? await context.CallActivityAsync<ApprovalState>(nameof(ExpireApprovalActivity), new ExpireApprovalRequest(input, ticket))
                : state,
            null);
    }

    // Builds the plan of the updated incident. When the request no longer applies, withdraws it and returns the
    // result. Otherwise returns null, so the wait goes on with the same request.
    private static async Task<ApprovalWaitResult?> ReplanAsync(TaskOrchestrationContext context, InvestigationInput input, ApprovalTicket ticket, IncidentUpdateLog updates)
    {
        // One re-plan covers every update that has arrived by now.
        await updates.CollectAsync();
        var replan = await context.CallActivityAsync<ReplanResult>(nameof(ReplanActivity), new ReplanRequest(input, ticket.PlanHash));

        var reason = WithdrawalReason(replan, ticket);
        if (reason is null)
        {
            return null;
        }

        var withdrawn = await context.CallActivityAsync<ApprovalState>(
            nameof(WithdrawApprovalActivity),
            new WithdrawApprovalRequest(input, ticket, reason, context.CurrentUtcDateTime));
        return new ApprovalWaitResult(withdrawn, replan);
    }

    private static string? WithdrawalReason(ReplanResult replan, ApprovalTicket ticket)
    {
        if (replan.ClosedAtProvider)
        {
            return "the incident was closed at the provider";
        }

        if (replan.Plan is null)
        {
            return "the updated incident no longer gets a response plan";
        }

        return string.Equals(replan.Plan.PlanHash, ticket.PlanHash, StringComparison.Ordinal)
            ? null
            : $"the plan changed after an incident update (now {PlanHasher.Shorten(replan.Plan.PlanHash)})";
    }
}

/// <summary>How an approval wait ended.</summary>
/// <param name="State">The decision, expiry or withdrawal of the request.</param>
/// <param name="Replan">The re-plan that withdrew the request, or null when a person decided or the request expired.</param>
internal sealed record ApprovalWaitResult(ApprovalState State, ReplanResult? Replan);
