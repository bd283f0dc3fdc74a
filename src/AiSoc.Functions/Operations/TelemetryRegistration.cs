using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiSoc.Functions.Operations;

/// <summary>
/// Registers OpenTelemetry tracing and metrics for the app's source and meter, and exports them, with logs, to
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
/// </summary>
public static class TelemetryRegistration
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddAiSocTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var builder = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(AiSocTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(AiSocTelemetry.MeterName));

        // Adds the function invocation spans and the worker's resource attributes.
        builder.UseFunctionsWorkerDefaults();

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var clientId = ManagedIdentityClientId(configuration[AuthenticationStringSetting]);
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;

                // The template disables local authentication on Application Insights, so ingestion needs an Entra token.
                if (clientId is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }

    /// <summary>Returns the client id from an authentication string such as <c>ClientId=…;Authorization=AAD</c>.</summary>
    public static string? ManagedIdentityClientId(string? authenticationString) =>
        (authenticationString ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase) && pair[1].Length > 0)
            .Select(pair => pair[1])
            .FirstOrDefault();
}
