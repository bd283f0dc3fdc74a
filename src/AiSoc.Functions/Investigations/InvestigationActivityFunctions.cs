using AiSoc.Investigations;
using AiSoc.Investigations.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Functions.Investigations;

/// <summary>
/// One <c>[ActivityTrigger]</c> function per activity of <see cref="InvestigationRegistration.AddInvestigationTasks"/>,
/// named after its class. Each creates the shared activity from the invocation's services and runs it, so the
/// activity code is written once. See <see cref="InvestigationOrchestratorFunction"/> for why these are wrappers.
/// </summary>
// TODO: FunctionServices does not yet register the InvestigationDependencies services (playbooks, policy, the
// investigation store, notifier, case record sink, enricher and executor), so most activities fail to resolve them.
public static class InvestigationActivityFunctions
{
    [Function(nameof(GatherContextActivity))]
    public static Task<ContextSummary> GatherContextAsync([ActivityTrigger] InvestigationInput input, string instanceId, FunctionContext context) =>
        RunAsync<GatherContextActivity, InvestigationInput, ContextSummary>(input, instanceId, context);

    [Function(nameof(EnrichEntitiesActivity))]
    public static Task<EnrichmentSummary> EnrichEntitiesAsync([ActivityTrigger] InvestigationInput input, string instanceId, FunctionContext context) =>
        RunAsync<EnrichEntitiesActivity, InvestigationInput, EnrichmentSummary>(input, instanceId, context);

    [Function(nameof(DecideVerdictActivity))]
    public static Task<VerdictSummary> DecideVerdictAsync([ActivityTrigger] VerdictRequest input, string instanceId, FunctionContext context) =>
        RunAsync<DecideVerdictActivity, VerdictRequest, VerdictSummary>(input, instanceId, context);

    [Function(nameof(BuildPlanActivity))]
    public static Task<PlanSummary?> BuildPlanAsync([ActivityTrigger] InvestigationInput input, string instanceId, FunctionContext context) =>
        RunAsync<BuildPlanActivity, InvestigationInput, PlanSummary?>(input, instanceId, context);

    [Function(nameof(EvaluatePolicyActivity))]
    public static Task<PolicySummary> EvaluatePolicyAsync([ActivityTrigger] PolicyRequest input, string instanceId, FunctionContext context) =>
        RunAsync<EvaluatePolicyActivity, PolicyRequest, PolicySummary>(input, instanceId, context);

    [Function(nameof(ExecuteActionActivity))]
    public static Task<ActionOutcome> ExecuteActionAsync([ActivityTrigger] ExecuteActionRequest input, string instanceId, FunctionContext context) =>
        RunAsync<ExecuteActionActivity, ExecuteActionRequest, ActionOutcome>(input, instanceId, context);

    [Function(nameof(CreateApprovalActivity))]
    public static Task<ApprovalTicket> CreateApprovalAsync([ActivityTrigger] CreateApprovalRequest input, string instanceId, FunctionContext context) =>
        RunAsync<CreateApprovalActivity, CreateApprovalRequest, ApprovalTicket>(input, instanceId, context);

    [Function(nameof(ReadApprovalActivity))]
    public static Task<ApprovalState> ReadApprovalAsync([ActivityTrigger] string input, string instanceId, FunctionContext context) =>
        RunAsync<ReadApprovalActivity, string, ApprovalState>(input, instanceId, context);

    [Function(nameof(ExpireApprovalActivity))]
    public static Task<ApprovalState> ExpireApprovalAsync([ActivityTrigger] ExpireApprovalRequest input, string instanceId, FunctionContext context) =>
        RunAsync<ExpireApprovalActivity, ExpireApprovalRequest, ApprovalState>(input, instanceId, context);

    [Function(nameof(VerifyActionActivity))]
    public static Task<ActionOutcome> VerifyActionAsync([ActivityTrigger] VerifyActionRequest input, string instanceId, FunctionContext context) =>
        RunAsync<VerifyActionActivity, VerifyActionRequest, ActionOutcome>(input, instanceId, context);

    [Function(nameof(WriteCaseRecordActivity))]
    public static Task<string> WriteCaseRecordAsync([ActivityTrigger] CaseRecord input, string instanceId, FunctionContext context) =>
        RunAsync<WriteCaseRecordActivity, CaseRecord, string>(input, instanceId, context);

    /// <summary>Creates <typeparamref name="TActivity"/> from the invocation's services and runs it on <paramref name="input"/>.</summary>
    internal static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);

        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
