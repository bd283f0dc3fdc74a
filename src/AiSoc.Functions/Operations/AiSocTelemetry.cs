using System.Diagnostics;
using System.Reflection;

namespace AiSoc.Functions.Operations;

/// <summary>Names of the app's trace source and meter, which the OpenTelemetry registration subscribes to.</summary>
public static class AiSocTelemetry
{
    public const string SourceName = "AiSoc.Functions";
    public const string MeterName = "AiSoc.Functions";

    /// <summary>Source of the spans the HTTP routes start around their work.</summary>
    public static ActivitySource ActivitySource { get; } = new(SourceName, Version);

    /// <summary>Informational version of this assembly, as the health route reports it.</summary>
    public static string Version { get; } =
        typeof(AiSocTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AiSocTelemetry).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
