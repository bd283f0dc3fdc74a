using AiSoc.Core.Response.Ports;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Recording;
using AiSoc.Investigations.Services;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Integrations;

/// <summary>
/// The investigation ports over the tenant integrations that <see cref="TenantIntegrationServices"/> registers:
/// Graph and Defender enrichment combined, and the tenant executor behind the audit wrapper with the approver of
/// each action. The CLI and the function app both build their investigation ports here.
/// </summary>
public static class TenantInvestigationPorts
{
    /// <summary>Creates the enricher that queries Graph first and Defender second.</summary>
    public static IEntityEnricher CreateEnricher(IServiceProvider services) =>
        new CompositeEntityEnricher(services.GetRequiredService<GraphEntityEnricher>(), services.GetRequiredService<DefenderEntityEnricher>());

    /// <summary>Creates the executor that audits every tenant call with the person or policy that cleared it.</summary>
    public static IResponseActionExecutor CreateExecutor(IServiceProvider services) =>
        new AttributedAuditedExecutor(services.GetRequiredService<AuditedActionExecutor>());
}
