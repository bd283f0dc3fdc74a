using System.CommandLine;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations.Services;

namespace AiSoc.Cli.Commands;

/// <summary>
/// <c>aisoc approve</c>: decide one approval request of a local investigation run through the same
/// <see cref="ApprovalHandler"/> as every other channel, with a token signed for the local user. A running
/// <c>aisoc investigate</c> watches the approval store and passes the decision to the waiting investigation.
/// </summary>
internal static class ApproveCommand
{
    /// <summary>Exit code when the handler did not record the decision (expired, already decided, refused).</summary>
    public const int NotDecided = 6;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var approvalId = new Argument<string>("approval-id") { Description = "Id of the approval request, as shown by aisoc investigate or in state/notices.ndjson." };
        var decision = new Option<string>("--decision")
        {
            Description = "approve or reject.",
            Required = true,
        };
        decision.AcceptOnlyFromAmong("approve", "reject");
        var state = new Option<string>("--state")
        {
            Description = "State folder of the investigate run: <out>/state.",
            Required = true,
        };
        var planHash = new Option<string?>("--plan-hash")
        {
            Description = "Plan hash you reviewed (full or the 12-character short form). Default: the stored request's hash, printed before deciding.",
        };
        var comment = new Option<string?>("--comment") { Description = "Free-text reason recorded with the decision." };

        var command = new Command("approve", "Approve or reject an approval request of a local investigation run.")
        {
            approvalId, decision, state, planHash, comment,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(approvalId)!,
            parseResult.GetValue(decision) == "approve",
            parseResult.GetValue(state)!,
            parseResult.GetValue(planHash),
            parseResult.GetValue(comment),
            output,
            error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string approvalId, bool approve, string stateFolder, string? planHash, string? comment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var state = new InvestigateStatePaths(stateFolder);
        if (!Directory.Exists(state.Approvals))
        {
            error.WriteLine($"Approval folder {state.Approvals} not found; --state must be the state folder of an aisoc investigate run (<out>/state).");
            return ExitCodes.InputError;
        }

        var store = new FileApprovalStore(state.Approvals);
        var stored = await TryGetAsync(store, approvalId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            error.WriteLine($"Approval request {approvalId} not found in {state.Approvals}.");
            return ExitCodes.InputError;
        }

        var request = stored.Request;
        var confirmedHash = planHash is null ? request.PlanHash
            : request.PlanHash.StartsWith(planHash, StringComparison.OrdinalIgnoreCase) && planHash.Length >= PlanHasher.ShortLength ? request.PlanHash
            : planHash;
        output.WriteLine($"Approval {request.ApprovalId} for investigation {request.InvestigationId}, plan {PlanHasher.Shorten(request.PlanHash)}, {request.Actions.Count} action(s), status {request.Status.ToString().ToLowerInvariant()}.");

        using var approver = new LocalApprover(TimeProvider.System, InvestigateLocalIdentity.AuthenticationMethod);
        using var audit = new FileAuditLog(state.ApproveAuditLog, TimeProvider.System);
        var options = approver.Options();
        var handler = new ApprovalHandler(store, new ApproverTokenValidator(options, TimeProvider.System), options, audit, TimeProvider.System);
        var result = await handler.DecideAsync(new ApprovalDecision(approvalId, confirmedHash, approve, comment, InvestigateLocalIdentity.CreateToken(approver)), cancellationToken).ConfigureAwait(false);

        output.WriteLine($"{result.Outcome}: {result.Reason}.");
        return result.Decided ? ExitCodes.Success : NotDecided;
    }

    private static async Task<StoredApproval?> TryGetAsync(FileApprovalStore store, string approvalId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(approvalId, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The store rejects ids with unsafe characters; such an id cannot name a stored request.
            return null;
        }
    }
}
