using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>
/// Stores one approval request for the actions that need a person, builds its Adaptive Card and sends it to the
/// escalation target. The card links to the approval page only; it never carries Durable management URLs or keys.
/// </summary>
public sealed class CreateApprovalActivity(
    InvestigationPlanner planner,
    IApprovalStore approvals,
    INotifier notifier,
    InvestigationOptions options,
    IAuditLog audit) : TaskActivity<CreateApprovalRequest, ApprovalTicket>
{
    public override async Task<ApprovalTicket> RunAsync(TaskActivityContext context, CreateApprovalRequest input)
    {
        var (stored, plan) = await planner.RebuildAsync(input.Input, input.PlanHash).ConfigureAwait(false);
        var keys = input.IdempotencyKeys.ToHashSet(StringComparer.Ordinal);
        var decisions = plan.Actions
            .Select(action => new ActionDecision(action, keys.Contains(action.IdempotencyKey) ? ActionDisposition.RequireApproval : ActionDisposition.AutoExecute, ["decided earlier in this investigation"], ShadowOnly: false))
            .ToList();
        var request = ApprovalRequest.FromEvaluation(input.ApprovalId, new PolicyEvaluation(plan, decisions, input.CreatedAt), input.CreatedAt);

        // A retry after a lost response finds the request already stored; the stored one is the request.
        if (!await approvals.CreateAsync(request).ConfigureAwait(false))
        {
            request = (await approvals.GetAsync(input.ApprovalId).ConfigureAwait(false))!.Request;
        }

        var policyContext = PolicyContext.FromIncident(input.Input.InvestigationId, stored.Incident, [.. stored.Alerts]);
        var card = AdaptiveCardBuilder.Build(new ApprovalCardContent
        {
            Request = request,
            IncidentTitle = stored.Incident.Title,
            Verdict = stored.Incident.Verdict,
            Confidence = policyContext.Confidence,
            Evidence = stored.Incident.Reasons,
            ApprovalPageUrl = new Uri(options.ApprovalPageBaseUrl, request.ApprovalId),
        });

        await notifier.NotifyAsync(new InvestigationNotice(
            NoticeKind.ApprovalRequested,
            input.Input.InvestigationId,
            request.ApprovalId,
            request.EscalateTo,
            $"Approval needed for {request.Actions.Count} action(s) on incident {stored.Incident.Title}; expires {request.ExpiresAt:u}.",
            request.PlanHash,
            card,
            input.Input.IncidentId,
            input.Input.TriageKey)).ConfigureAwait(false);

        await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "step", "approval-requested", "investigation", "pending", new()
        {
            ["approvalId"] = request.ApprovalId,
            ["planHash"] = request.PlanHash,
            ["actions"] = string.Join("; ", request.Actions.Select(action => action.IdempotencyKey)),
            ["expiresAt"] = request.ExpiresAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);

        return new ApprovalTicket(request.ApprovalId, request.PlanHash, request.ExpiresAt, request.EscalateTo, [.. request.Actions.Select(action => action.IdempotencyKey)], options.ApprovalRecheckInterval);
    }
}
