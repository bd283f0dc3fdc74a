using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Activities;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Investigations;

/// <summary>Registers the investigation orchestration, its activities and their services with a Durable Task worker.</summary>
public static class InvestigationRegistration
{
    /// <summary>Adds the orchestrator and every activity to <paramref name="registry"/>.</summary>
    public static DurableTaskRegistry AddInvestigationTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        registry.AddOrchestrator<InvestigationOrchestrator>();
        registry.AddActivity<GatherContextActivity>();
        registry.AddActivity<EnrichEntitiesActivity>();
        registry.AddActivity<DecideVerdictActivity>();
        registry.AddActivity<BuildPlanActivity>();
        registry.AddActivity<EvaluatePolicyActivity>();
        registry.AddActivity<ExecuteActionActivity>();
        registry.AddActivity<CreateApprovalActivity>();
        registry.AddActivity<ReadApprovalActivity>();
        registry.AddActivity<ExpireApprovalActivity>();
        registry.AddActivity<ReplanActivity>();
        registry.AddActivity<WithdrawApprovalActivity>();
        registry.AddActivity<VerifyActionActivity>();
        registry.AddActivity<EscalateUnverifiedActionActivity>();
        registry.AddActivity<WriteCaseRecordActivity>();
        return registry;
    }

    /// <summary>Registers the services the activities resolve; validates the options first.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The investigation options are invalid.</exception>
    public static IServiceCollection AddInvestigationServices(this IServiceCollection services, InvestigationDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dependencies);
        InvestigationOptionsValidator.ThrowIfInvalid(dependencies.Options);

        services.AddSingleton(dependencies.Options);
        services.AddSingleton(dependencies.Playbooks);
        services.AddSingleton(dependencies.Policy);
        services.AddSingleton<IActionRateCounter>(dependencies.RateCounter);
        services.AddSingleton<IInvestigationStore>(dependencies.Incidents);
        services.AddSingleton<IApprovalStore>(dependencies.Approvals);
        services.AddSingleton<IAuditLog>(dependencies.Audit);
        services.AddSingleton<INotifier>(dependencies.Notifier);
        services.AddSingleton<ICaseRecordSink>(dependencies.Cases);
        services.AddSingleton<IEntityEnricher>(dependencies.Enricher);
        services.AddSingleton<IResponseActionExecutor>(dependencies.Executor);
        services.AddSingleton(dependencies.TimeProvider);
        services.AddSingleton<InvestigationPlanner>();
        return services;
    }
}
