using AiSoc.Approvals;
using AiSoc.Investigations.Activities;
using Microsoft.DurableTask;

namespace AiSoc.Investigations;

/// <summary>
/// Waits for a person's decision on an approval request: the <see cref="InvestigationOrchestrator.ApprovalDecidedEvent"/>
/// event races a durable timer set to the request's expiry, and the loser is cancelled. The event only wakes the
/// orchestration; the decision itself is always read from the approval store.
/// </summary>
internal static class ApprovalWait
{
    public static async Task<ApprovalState> WaitAsync(TaskOrchestrationContext context, InvestigationInput input, ApprovalTicket ticket)
    {
        // A decision stored before this point (a fast approver, or a replay after a crash) wins without waiting.
        var state = await context.CallActivityAsync<ApprovalState>(nameof(ReadApprovalActivity), ticket.ApprovalId);

        while (state.Status == ApprovalStatus.Pending)
        {
            using var cancellation = new CancellationTokenSource();
            var decided = context.WaitForExternalEvent<string>(InvestigationOrchestrator.ApprovalDecidedEvent, cancellation.Token);
            var expired = context.CreateTimer(ticket.ExpiresAt.UtcDateTime, cancellation.Token);

            // A periodic store check finds a decision whose event was never raised or was lost on the way.
            var recheckAt = context.CurrentUtcDateTime + ticket.RecheckInterval;
            var waits = recheckAt < ticket.ExpiresAt.UtcDateTime
                ? new[] { decided, expired, context.CreateTimer(recheckAt, cancellation.Token) }
                : [decided, expired];

            var winner = await Task.WhenAny(waits);

            // Cancel synchronously: the orchestration must not hop threads, and the losers must stop before the next step.
#pragma warning disable CA1849 // CancelAsync would continue on another thread, which an orchestrator must not do.
            cancellation.Cancel();
#pragma warning restore CA1849

            if (winner == expired)
            {
                return await context.CallActivityAsync<ApprovalState>(nameof(ExpireApprovalActivity), new ExpireApprovalRequest(input, ticket));
            }

            // An event for another request or one raised before the decision was stored leaves the request
            // pending, so the loop waits again until the same expiry.
            state = await context.CallActivityAsync<ApprovalState>(nameof(ReadApprovalActivity), ticket.ApprovalId);
        }

        // Expired in the store means an approver hit the expiry first; the request is closed with no action.
        return state.Status == ApprovalStatus.Expired
            ? await context.CallActivityAsync<ApprovalState>(nameof(ExpireApprovalActivity), new ExpireApprovalRequest(input, ticket))
            : state;
    }
}
