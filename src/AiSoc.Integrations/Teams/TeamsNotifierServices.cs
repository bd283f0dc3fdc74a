using AiSoc.Investigations.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Teams;

/// <summary>Registers <see cref="TeamsWorkflowNotifier"/>.</summary>
public static class TeamsNotifierServices
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client that posts to Teams workflows.</summary>
    public const string HttpClientName = "AiSoc.Teams";

    /// <summary>
    /// Adds <see cref="TeamsWorkflowNotifier"/> as <see cref="INotifier"/>, with <see cref="TeamsNotifierOptions"/> bound
    /// from <c>Notifications:Teams</c> and validated at start-up.
    /// </summary>
    public static IServiceCollection AddTeamsNotifier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TeamsNotifierOptions>().Bind(configuration.GetSection(TeamsNotifierOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsNotifierOptions>, TeamsNotifierOptionsValidator>());

        // The factory's request logging writes the full URL, which contains the workflow signature, so it is removed.
        // Redirects are not followed, so the signed request never goes to a host that the settings do not name.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();

        services.AddSingleton(provider => new TeamsWorkflowNotifier(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<TeamsNotifierOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TeamsWorkflowNotifier>>()));
        services.AddSingleton<INotifier>(provider => provider.GetRequiredService<TeamsWorkflowNotifier>());
        return services;
    }
}
