using AiSoc.Investigations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Worker;

namespace AiSoc.Functions.Investigations;

/// <summary>Registers the investigation orchestrator and activities of AiSoc.Investigations with Durable Functions.</summary>
/// <remarks>
/// The classes are registered in the Durable Task worker's <c>DurableTaskRegistry</c>, the same registration the local
/// runner uses, so no orchestration or activity code is written twice. Worker.Extensions.DurableTask 1.22.0 turns
/// each registered class into an orchestration or activity function at start-up (its DurableMetadataTransformer
/// reads the registry). This works for classes in another assembly, unlike <c>[DurableTask]</c> classes, which need
/// the Microsoft.DurableTask.Generators source generator to run in the project that declares them.
/// </remarks>
// TODO: FunctionServices does not yet register the InvestigationDependencies services (playbooks, policy, the
// investigation store, notifier, case record sink, enricher and executor), so most activities fail to resolve them.
public static class InvestigationOrchestration
{
    /// <summary>Adds <see cref="InvestigationRegistration.AddInvestigationTasks"/> to the Durable Task worker.</summary>
    public static IFunctionsWorkerApplicationBuilder AddInvestigationOrchestration(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureDurableWorker().AddTasks(registry => registry.AddInvestigationTasks());
        return builder;
    }
}
