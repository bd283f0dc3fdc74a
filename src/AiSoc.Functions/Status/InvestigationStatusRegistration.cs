using AiSoc.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiSoc.Functions.Status;

/// <summary>Registers the readers behind the investigation status routes and the stage counts of pipeline health.</summary>
public static class InvestigationStatusRegistration
{
    /// <summary>
    /// Adds <see cref="IInvestigationStatusReaderFactory"/> and the <see cref="InvestigationStatusOptions"/> (section
    /// <c>InvestigationStatus</c>). With <c>DurableTaskHubName</c> set, readers read the task hub and the
    /// <see cref="AiSoc.Investigations.Ports.ICaseRecordStore"/>, which the host must register; without it, the
    /// in-memory reader over the in-memory starter is used.
    /// </summary>
    public static IServiceCollection AddInvestigationStatus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<InvestigationStatusOptions>()
            .Bind(configuration.GetSection(InvestigationStatusOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<InMemoryInvestigationStatusReader>();
        services.TryAddSingleton<IInvestigationStatusReader>(provider => provider.GetRequiredService<InMemoryInvestigationStatusReader>());

        if (DurableTaskSettings.IsConfigured(configuration))
        {
            services.AddSingleton<IInvestigationStatusReaderFactory, DurableInvestigationStatusReaderFactory>();
        }
        else
        {
            services.AddSingleton<IInvestigationStatusReaderFactory, InMemoryInvestigationStatusReaderFactory>();
        }

        return services;
    }
}
