using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tuning;

/// <summary>Registers the scheduled tuning run.</summary>
public static class ScheduledTuningRegistration
{
    /// <summary>
    /// Adds <see cref="ScheduledTuningRun"/> and its <see cref="ScheduledTuningOptions"/> (section <c>Tuning</c>),
    /// validated at start-up. The host must register <see cref="AiSoc.Investigations.Ports.ICaseRecordStore"/>,
    /// <see cref="AiSoc.Investigations.Ports.IInvestigationStore"/> and <see cref="AiSoc.Core.Tuning.ITuningRunStore"/>.
    /// </summary>
    public static IServiceCollection AddScheduledTuning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ScheduledTuningOptions>()
            .Bind(configuration.GetSection(ScheduledTuningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduledTuningOptions>, ScheduledTuningOptionsValidator>();
        services.AddSingleton<StoredCaseOutcomes>();
        services.AddSingleton<ScheduledTuningRun>();
        return services;
    }
}
