using AiSoc.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace AiSoc.Functions.Graph;

/// <summary>Registers <see cref="GraphSecurityFeed"/> as the poller's feed.</summary>
public static class GraphSecurityFeedServices
{
    /// <summary>
    /// Replaces any registered <see cref="IGraphSecurityFeed"/>, such as <see cref="UnconfiguredGraphSecurityFeed"/>, with
    /// <see cref="GraphSecurityFeed"/> on the read-only enrichment Graph client that
    /// <see cref="TenantIntegrationServices.AddTenantIntegrations(IServiceCollection, TenantCredentials)"/> registers,
    /// so the feed needs only <c>SecurityAlert.Read.All</c> and <c>SecurityIncident.Read.All</c>. Call it after the
    /// registration it replaces. The client's settings are <c>Integrations:Graph</c>; the page size is
    /// <c>GraphPolling:PageSize</c>.
    /// </summary>
    public static IServiceCollection AddGraphSecurityFeed(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.RemoveAll<IGraphSecurityFeed>();
        services.AddSingleton<IGraphSecurityFeed>(provider => new GraphSecurityFeed(
            provider.GetRequiredKeyedService<GraphServiceClient>(TenantIntegrationServices.EnrichmentKey),
            provider.GetRequiredService<IOptions<GraphPollingOptions>>(),
            provider.GetRequiredService<ILogger<GraphSecurityFeed>>()));
        return services;
    }
}
