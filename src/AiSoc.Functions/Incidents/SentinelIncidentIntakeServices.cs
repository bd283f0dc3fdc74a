using AiSoc.Core.Normalizers;
using AiSoc.Core.Scoring;
using AiSoc.Core.Triage;
using AiSoc.Integrations;
using AiSoc.Integrations.Sentinel;
using AiSoc.Integrations.WriteBack;
using AiSoc.Investigations.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Incidents;

/// <summary>Registers the incident intake behind <see cref="IncidentWebhookFunction"/>.</summary>
public static class SentinelIncidentIntakeServices
{
    /// <summary>
    /// Adds <see cref="SentinelIncidentIntake"/>, the <see cref="SentinelIncidentReader"/> it reads with, and the
    /// triage it runs (default <see cref="TriageConfiguration"/> and <see cref="RuleBasedScorer"/>, unless a
    /// <see cref="TriageConfiguration"/> or <see cref="IAlertScorer"/> is registered first). Binds
    /// <see cref="SentinelOptions"/> to <c>Integrations:Sentinel</c>. Without <c>Integrations:Sentinel:WorkspaceResourceId</c>,
    /// the host starts and the webhook responds to incident deliveries with 503.
    /// </summary>
    /// <remarks>
    /// Expects from the host: an <see cref="IInvestigationStore"/>, and the
    /// <see cref="TenantIntegrationServices.ArmReadHttpClientName"/> HTTP client, which
    /// <c>AddTenantIntegrations</c> registers with the enrichment credential.
    /// </remarks>
    public static IServiceCollection AddSentinelIncidentIntake(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SentinelOptions>().Bind(configuration.GetSection(SentinelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentinelOptions>, SentinelOptionsValidator>());

        services.TryAddSingleton(provider => new SentinelIncidentReader(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(TenantIntegrationServices.ArmReadHttpClientName),
            provider.GetRequiredService<IOptions<SentinelOptions>>()));

        services.TryAddSingleton(_ => TriageConfiguration.Default());
        services.TryAddSingleton<IAlertScorer>(provider => new RuleBasedScorer(provider.GetRequiredService<TriageConfiguration>().Scoring));
        services.TryAddSingleton(provider => new WebhookTriage(new TriageRunner(
            KnownFormats.CreateRegistry(),
            provider.GetRequiredService<IAlertScorer>(),
            provider.GetRequiredService<TriageConfiguration>().Correlation,
            provider.GetRequiredService<ILoggerFactory>())
        {
            // Each run triages one record, so more workers would only add threads.
            Workers = 1,
        }));
        services.TryAddSingleton<SentinelIncidentIntake>();
        return services;
    }
}
