using AiSoc.Investigations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AiSoc.Functions.Investigations;

/// <summary>
/// Runs <see cref="InvestigationOrchestrator"/>, the class the local runner also runs, under Durable Functions.
/// </summary>
/// <remarks>
/// The functions are hand-written <c>[Function]</c> wrappers rather than <c>[DurableTask]</c> classes because the
/// Microsoft.DurableTask.Generators source generator only sees classes declared in the project it compiles, and
/// the orchestrator and activities live in AiSoc.Investigations. Each wrapper does what the generated code does:
/// the orchestrator runs on the trigger's context, and each activity is created from the invocation's services.
/// The function names equal the class names, which the orchestrator passes to <c>CallActivityAsync</c>.
/// </remarks>
public static class InvestigationOrchestratorFunction
{
    // The orchestrator keeps no state between calls, so one instance serves every replay.
    private static readonly InvestigationOrchestrator Orchestrator = new();

    [Function(nameof(InvestigationOrchestrator))]
    public static Task<CaseRecord> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var input = context.GetInput<InvestigationInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no {nameof(InvestigationInput)}; start it with the investigation id, incident id and triage key.");
        return Orchestrator.RunAsync(context, input);
    }
}
