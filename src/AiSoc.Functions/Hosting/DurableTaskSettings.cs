using Microsoft.Extensions.Configuration;

namespace AiSoc.Functions.Hosting;

/// <summary>App settings that configure the Durable Task extension through <c>host.json</c>.</summary>
public static class DurableTaskSettings
{
    /// <summary>App setting with the task hub name; host.json reads it as <c>%DurableTaskHubName%</c>.</summary>
    public const string HubName = "DurableTaskHubName";

    /// <summary>Returns true when the task hub name is set, so the host runs the investigation orchestration.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        return !string.IsNullOrWhiteSpace(configuration[HubName]);
    }
}
