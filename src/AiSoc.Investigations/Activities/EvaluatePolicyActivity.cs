using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace AiSoc.Investigations.Activities;

/// <summary>Input of <see cref="EvaluatePolicyActivity"/>.</summary>
public sealed record PolicyRequest(InvestigationInput Input, string PlanHash);

/// <summary>Decides every plan action with the policy in force now, and audits each decision.</summary>
public sealed class EvaluatePolicyActivity(
    InvestigationPlanner planner,
    ResponsePolicySource policySource,
    IActionRateCounter rateCounter,
    TimeProvider timeProvider,
    IAuditLog audit,
    ILoggerFactory loggerFactory) : TaskActivity<PolicyRequest, PolicySummary>
{
    public override async Task<PolicySummary> RunAsync(TaskActivityContext context, PolicyRequest input)
    {
        var (stored, plan) = await planner.RebuildAsync(input.Input, input.PlanHash).ConfigureAwait(false);
        var policy = new ResponsePolicy(policySource.Current, rateCounter, timeProvider, loggerFactory.CreateLogger<ResponsePolicy>());
        var policyContext = PolicyContext.FromIncident(input.Input.InvestigationId, stored.Incident, [.. stored.Alerts]);
        var evaluation = await policy.EvaluateAsync(plan, policyContext).ConfigureAwait(false);

        var decisions = new List<PolicyDecision>(evaluation.Decisions.Count);
        foreach (var decision in evaluation.Decisions)
        {
            decisions.Add(new PolicyDecision(decision.Action.IdempotencyKey, decision.Disposition, decision.Reasons, decision.ShadowOnly));
            await AuditWriter.AppendAsync(audit, input.Input.InvestigationId, "decision", "policy-evaluated", "response-policy", DispositionOutcome(decision), new()
            {
                ["action"] = decision.Action.IdempotencyKey,
                ["reasons"] = string.Join("; ", decision.Reasons),
            }).ConfigureAwait(false);
        }

        return new PolicySummary(decisions);
    }

    private static string DispositionOutcome(ActionDecision decision) => decision.Disposition switch
    {
        ActionDisposition.AutoExecute when decision.ShadowOnly => "auto-execute (shadow mode: not run)",
        ActionDisposition.AutoExecute => "auto-execute",
        ActionDisposition.RequireApproval => "require-approval",
        _ => "block",
    };
}
