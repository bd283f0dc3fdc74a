using AiSoc.Approvals;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Reads the stored decision of an approval request. The orchestration acts only on what this returns, never on
/// the payload of the event that woke it.
/// </summary>
public sealed class ReadApprovalActivity(IApprovalStore approvals) : TaskActivity<string, ApprovalState>
{
    public override async Task<ApprovalState> RunAsync(TaskActivityContext context, string input)
    {
        var stored = await approvals.GetAsync(input).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Approval request {input} was not found in the approval store.");
        var request = stored.Request;
        return new ApprovalState(request.ApprovalId, request.Status, request.DecidedBy, request.DecidedAt, request.DecisionComment);
    }
}
