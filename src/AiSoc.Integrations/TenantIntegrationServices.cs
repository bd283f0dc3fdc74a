using System.Net;
using AiSoc.Core.Response;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Recording;
using AiSoc.Integrations.Resilience;
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

        // A host that runs several instances registers a shared counter store before this call.
        services.TryAddSingleton<IActionRateCounter, InMemoryActionRateCounter>();
        services.TryAddSingleton<DefenderRateBudget>();
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

        // Resolvable once the host registers an IAuditLog.
        services.TryAddSingleton(provider => new AuditedActionExecutor(
            provider.GetRequiredService<TenantActionExecutor>(), provider.GetRequiredService<AiSoc.Core.Audit.IAuditLog>()));
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
                    handlers.Add(handler is RetryHandler ? new RetryHandler(GraphRetryOption(options)) : handler);
                }

                // Innermost, so the retry handler reads the rounded-up header, and each attempt is recorded.
                handlers.Add(new RetryAfterNormalizingHandler(provider.GetRequiredService<TimeProvider>()));
                handlers.Add(new TenantCallRecordingHandler());
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

        // The retry handler is outermost, so each retry passes through the token handler again. It is the only
        // retry layer of this client.
        builder.AddResilienceHandler("defender-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.AddRetry(DefenderRetryOptions(options, timeProvider));
                pipeline.AddTimeout(options.AttemptTimeout);
            });

        builder.AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                return new BearerTokenHandler(credential, options.Scope, provider.GetRequiredService<TimeProvider>());
            });

        // Innermost: records each attempt and, in a dry run, keeps writes from reaching the network.
        builder.AddHttpMessageHandler(() => new TenantCallRecordingHandler());
    }

    /// <summary>
    /// Builds the Graph SDK retry option: 429 on any method, and 5xx only on idempotent methods, and never when
    /// <c>Retry-After</c> asks for more than <see cref="GraphOptions.MaxRetryAfterSeconds"/>. The SDK reads
    /// <c>Retry-After</c> itself and otherwise backs off exponentially from <see cref="GraphOptions.RetryDelaySeconds"/>.
    /// </summary>
    internal static RetryHandlerOption GraphRetryOption(GraphOptions options) => new()
    {
        MaxRetry = options.MaxRetries,
        Delay = options.RetryDelaySeconds,
        ShouldRetry = (delaySeconds, _, response) =>
            RetryRules.ShouldRetry(response.RequestMessage?.Method, response.StatusCode)
            && delaySeconds <= options.MaxRetryAfterSeconds
            && (RetryAfter.Of(response, DateTimeOffset.UtcNow) ?? TimeSpan.Zero) <= TimeSpan.FromSeconds(options.MaxRetryAfterSeconds),
    };

    /// <summary>
    /// Builds the Defender retry strategy: <see cref="RetryRules"/> decides what is retried, <c>Retry-After</c> in any of
    /// its forms sets the wait, and a capped exponential backoff with jitter applies when the header is missing.
    /// </summary>
    internal static HttpRetryStrategyOptions DefenderRetryOptions(DefenderOptions options, TimeProvider timeProvider) => new()
    {
        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
        ShouldRetryAfterHeader = false,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = arguments =>
        {
            if (options.MaxRetries == 0)
            {
                return ValueTask.FromResult(false);
            }

            if (arguments.Outcome.Result is { } response)
            {
                var wait = RetryAfter.Of(response, timeProvider.GetUtcNow());
                return ValueTask.FromResult(RetryRules.ShouldRetry(response.RequestMessage?.Method, response.StatusCode)
                    && (wait is null || wait <= options.MaxRetryDelay));
            }

            // No response: a failed connection or an attempt timeout. Only a read is sent again.
            var method = arguments.Context.GetRequestMessage()?.Method;
            return ValueTask.FromResult(arguments.Outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
                && RetryRules.IsIdempotent(method));
        },
        DelayGenerator = arguments => ValueTask.FromResult(
            arguments.Outcome.Result is { } response ? RetryAfter.Of(response, timeProvider.GetUtcNow()) : null),
    };
}
