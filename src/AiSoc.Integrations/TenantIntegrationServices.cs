using System.Net;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Polly;

namespace AiSoc.Integrations;

/// <summary>Registers the Graph and Defender clients, enrichers and executors.</summary>
public static class TenantIntegrationServices
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client that carries Graph requests.</summary>
    public const string GraphHttpClientName = "AiSoc.Graph";

    /// <summary>
    /// Adds <see cref="GraphEntityEnricher"/>, <see cref="DefenderEntityEnricher"/>, <see cref="TenantActionExecutor"/>
    /// and their clients. Each client gets one credential for its lifetime; options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="graphCredential">Credential for Microsoft Graph, such as a managed identity.</param>
    /// <param name="defenderCredential">Credential for the Defender for Endpoint API; may be the same object.</param>
    public static IServiceCollection AddTenantIntegrations(this IServiceCollection services, TokenCredential graphCredential, TokenCredential defenderCredential)
    {
        ArgumentNullException.ThrowIfNull(graphCredential);
        ArgumentNullException.ThrowIfNull(defenderCredential);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GraphOptions>().ValidateOnStart();
        services.AddOptions<DefenderOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DefenderOptions>, DefenderOptionsValidator>());

        AddGraph(services, graphCredential);
        AddDefender(services, defenderCredential);

        services.AddSingleton<GraphEntityEnricher>();
        services.AddSingleton<GraphActionExecutor>();
        services.AddSingleton<DefenderEntityEnricher>();
        services.AddSingleton<DefenderActionExecutor>();
        services.AddSingleton<TenantActionExecutor>();
        return services;
    }

    private static void AddGraph(IServiceCollection services, TokenCredential credential)
    {
        // The Graph SDK's own middleware (retry honoring Retry-After, redirect, compression) runs inside the
        // factory's client, so every Graph request is retried the same bounded way.
        services.AddHttpClient(GraphHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<GraphOptions>>().Value;
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler is RetryHandler ? new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries }) : handler);
                }
            });

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GraphOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(GraphHttpClientName);

            // Tokens go only to the configured Graph host, never to a host named in a response.
            var authentication = new AzureIdentityAuthenticationProvider(credential, [options.BaseUrl.Host], null, false, options.Scope);
            return new GraphServiceClient(http, authentication, options.BaseUrl.ToString().TrimEnd('/'));
        });
        services.AddSingleton<GraphDirectory>();
    }

    private static void AddDefender(IServiceCollection services, TokenCredential credential)
    {
        var builder = services.AddHttpClient<DefenderApiClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                var root = options.BaseAddress.ToString();
                http.BaseAddress = new Uri(root.EndsWith('/') ? root : root + "/");
            });

        // The retry handler is outermost, so each retry passes through the token handler again.
        builder.AddResilienceHandler("defender-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    ShouldRetryAfterHeader = true,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(2),
                    MaxDelay = options.MaxRetryDelay,
                    ShouldHandle = arguments => ValueTask.FromResult(
                        options.MaxRetries > 0
                        && arguments.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });

        builder.AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                return new BearerTokenHandler(credential, options.Scope, provider.GetRequiredService<TimeProvider>());
            });
    }
}
