using System.Net;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Recording;
using AiSoc.Integrations.Resilience;
using AiSoc.Integrations.WriteBack;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Polly;

namespace AiSoc.Integrations;

/// <summary>Registers the Graph, Defender and ARM clients, enrichers, executors and write-back clients.</summary>
public static class TenantIntegrationServices
{
    /// <summary>Prefix of the <see cref="IHttpClientFactory"/> clients that carry Graph requests. The role follows, as in <c>AiSoc.Graph.enrichment</c>.</summary>
    public const string GraphHttpClientName = "AiSoc.Graph";

    /// <summary>Prefix of the clients that carry Defender requests.</summary>
    public const string DefenderHttpClientName = "AiSoc.Defender";

    /// <summary>Name of the client that carries Azure Resource Manager requests (Sentinel write-back).</summary>
    public const string ArmHttpClientName = "AiSoc.Arm";

    /// <summary>
    /// Name of the client that carries read-only Azure Resource Manager requests (Sentinel incident reads) with the
    /// enrichment credential, which needs the Microsoft Sentinel Reader role only.
    /// </summary>
    public const string ArmReadHttpClientName = ArmHttpClientName + "." + EnrichmentKey;

    /// <summary>Service key of the clients that read (enrichment).</summary>
    public const string EnrichmentKey = "enrichment";

    /// <summary>Service key of the clients that change the tenant (containment and write-back).</summary>
    public const string ContainmentKey = "containment";

    /// <summary>
    /// Adds everything with one credential per API: <paramref name="graphCredential"/> for Graph and
    /// <paramref name="defenderCredential"/> for Defender and ARM, used for both reading and acting.
    /// Prefer <see cref="AddTenantIntegrations(IServiceCollection, TenantCredentials)"/>, which separates the two.
    /// </summary>
    public static IServiceCollection AddTenantIntegrations(this IServiceCollection services, TokenCredential graphCredential, TokenCredential defenderCredential)
    {
        ArgumentNullException.ThrowIfNull(graphCredential);
        ArgumentNullException.ThrowIfNull(defenderCredential);
        return services.AddTenantIntegrations(graphCredential, graphCredential, defenderCredential, defenderCredential, defenderCredential, defenderCredential);
    }

    /// <summary>
    /// Adds <see cref="GraphEntityEnricher"/> and <see cref="DefenderEntityEnricher"/> on clients that carry
    /// <see cref="TenantCredentials.Enrichment"/>, and <see cref="TenantActionExecutor"/>,
    /// <see cref="SentinelIncidentWriter"/> and <see cref="GraphAlertWriter"/> on clients that carry
    /// <see cref="TenantCredentials.Containment"/>. The <see cref="ArmReadHttpClientName"/> client, for reading
    /// Sentinel incidents, carries <see cref="TenantCredentials.Enrichment"/>. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddTenantIntegrations(this IServiceCollection services, TenantCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return services.AddTenantIntegrations(
            credentials.Enrichment, credentials.Containment, credentials.Enrichment, credentials.Containment, credentials.Enrichment, credentials.Containment);
    }

    private static IServiceCollection AddTenantIntegrations(
        this IServiceCollection services,
        TokenCredential graphRead,
        TokenCredential graphWrite,
        TokenCredential defenderRead,
        TokenCredential defenderWrite,
        TokenCredential armRead,
        TokenCredential armWrite)
    {
        services.TryAddSingleton(TimeProvider.System);

        // A host that runs several instances registers a shared counter store before this call.
        services.TryAddSingleton<IActionRateCounter, InMemoryActionRateCounter>();
        services.TryAddSingleton<DefenderRateBudget>();
        services.AddOptions<GraphOptions>().ValidateOnStart();
        services.AddOptions<DefenderOptions>().ValidateOnStart();
        services.AddOptions<SentinelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DefenderOptions>, DefenderOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentinelOptions>, SentinelOptionsValidator>());

        AddGraph(services, EnrichmentKey, graphRead);
        AddGraph(services, ContainmentKey, graphWrite);
        AddDefender(services, EnrichmentKey, defenderRead);
        AddDefender(services, ContainmentKey, defenderWrite);
        AddArm(services, ArmReadHttpClientName, armRead);
        AddArm(services, ArmHttpClientName, armWrite);

        // Unkeyed services are the containment ones, for callers that act.
        services.AddSingleton(provider => provider.GetRequiredKeyedService<GraphServiceClient>(ContainmentKey));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<GraphDirectory>(ContainmentKey));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<DefenderApiClient>(ContainmentKey));

        services.AddSingleton(provider => new GraphEntityEnricher(
            provider.GetRequiredKeyedService<GraphDirectory>(EnrichmentKey), provider.GetRequiredService<ILogger<GraphEntityEnricher>>()));
        services.AddSingleton(provider => new DefenderEntityEnricher(
            provider.GetRequiredKeyedService<DefenderApiClient>(EnrichmentKey), provider.GetRequiredService<ILogger<DefenderEntityEnricher>>()));
        services.AddSingleton<GraphActionExecutor>();
        services.AddSingleton<DefenderActionExecutor>();
        services.AddSingleton<TenantActionExecutor>();
        services.AddSingleton(provider => new GraphAlertWriter(provider.GetRequiredService<GraphServiceClient>(), provider.GetService<IAuditLog>()));
        services.AddSingleton(provider => new SentinelIncidentWriter(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(ArmHttpClientName),
            provider.GetRequiredService<IOptions<SentinelOptions>>(),
            provider.GetService<IAuditLog>()));

        // Resolvable once the host registers an IAuditLog.
        services.TryAddSingleton(provider => new AuditedActionExecutor(
            provider.GetRequiredService<TenantActionExecutor>(), provider.GetRequiredService<IAuditLog>()));
        return services;
    }

    private static void AddGraph(IServiceCollection services, string key, TokenCredential credential)
    {
        var name = GraphHttpClientName + "." + key;

        // The Graph SDK's own middleware (retry honoring Retry-After, redirect, compression) runs inside the
        // factory's client, so every Graph request is retried the same bounded way.
        services.AddHttpClient(name)
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

        services.AddKeyedSingleton(key, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<GraphOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

            // Tokens go only to the configured Graph host, never to a host named in a response.
            var authentication = new AzureIdentityAuthenticationProvider(credential, [options.BaseUrl.Host], null, false, options.Scope);
            return new GraphServiceClient(http, authentication, options.BaseUrl.ToString().TrimEnd('/'));
        });
        services.AddKeyedSingleton(key, (provider, _) => new GraphDirectory(
            provider.GetRequiredKeyedService<GraphServiceClient>(key), provider.GetRequiredService<IOptions<GraphOptions>>()));
    }

    private static void AddDefender(IServiceCollection services, string key, TokenCredential credential)
    {
        var name = DefenderHttpClientName + "." + key;
        var builder = services.AddHttpClient(name, (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                http.BaseAddress = WithTrailingSlash(options.BaseAddress);
            });

        // The retry handler is outermost, so each retry passes through the token handler again. It is the only
        // retry layer of this client.
        builder.AddResilienceHandler("defender-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.AddRetry(HttpRetryOptions(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, timeProvider));
                pipeline.AddTimeout(options.AttemptTimeout);
            });

        builder.AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<DefenderOptions>>().Value;
                return new BearerTokenHandler(credential, options.Scope, provider.GetRequiredService<TimeProvider>());
            });

        // Innermost: records each attempt and, in a dry run, keeps writes from reaching the network.
        builder.AddHttpMessageHandler(() => new TenantCallRecordingHandler());

        services.AddKeyedSingleton(key, (provider, _) => new DefenderApiClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(name), provider.GetRequiredService<TimeProvider>()));
    }

    // Both ARM clients share the base address, retry rules and token handling, and differ only in the credential.
    private static void AddArm(IServiceCollection services, string name, TokenCredential credential)
    {
        var builder = services.AddHttpClient(name, (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<SentinelOptions>>().Value;
                http.BaseAddress = WithTrailingSlash(options.ArmBaseAddress);
            });

        builder.AddResilienceHandler("arm-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SentinelOptions>>().Value;
                var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.AddRetry(HttpRetryOptions(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, timeProvider));
            });

        builder.AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<SentinelOptions>>().Value;
                return new BearerTokenHandler(credential, options.Scope, provider.GetRequiredService<TimeProvider>());
            });
        builder.AddHttpMessageHandler(() => new TenantCallRecordingHandler());
    }

    private static Uri WithTrailingSlash(Uri root)
    {
        var text = root.ToString();
        return new Uri(text.EndsWith('/') ? text : text + "/");
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
    /// Builds the retry strategy of the Defender and ARM clients: <see cref="RetryRules"/> decides what is retried, <c>Retry-After</c> in any of
    /// its forms sets the wait, and a capped exponential backoff with jitter applies when the header is missing.
    /// </summary>
    internal static HttpRetryStrategyOptions HttpRetryOptions(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider timeProvider) => new()
    {
        MaxRetryAttempts = Math.Max(1, maxRetries),
        ShouldRetryAfterHeader = false,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = baseDelay,
        MaxDelay = maxDelay,
        ShouldHandle = arguments =>
        {
            if (maxRetries == 0)
            {
                return ValueTask.FromResult(false);
            }

            if (arguments.Outcome.Result is { } response)
            {
                var wait = RetryAfter.Of(response, timeProvider.GetUtcNow());
                return ValueTask.FromResult(RetryRules.ShouldRetry(response.RequestMessage?.Method, response.StatusCode)
                    && (wait is null || wait <= maxDelay));
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
