using System.Text.Json;
using System.Text.Json.Serialization;
using AiSoc.Core.Correlation;
using AiSoc.Core.Scoring;

namespace AiSoc.Core.Triage;

/// <summary>
/// Settings of a triage run read from the JSON file given to <c>--config</c>: entity criticality for scoring and
/// the correlation limits. Unknown properties are errors, so that a misspelled setting is not silently ignored.
/// </summary>
public sealed class TriageConfiguration
{
    public ScoringOptions Scoring { get; } = new();

    public CorrelationOptions Correlation { get; } = new();

    /// <summary>Loads and validates <paramref name="path"/>; errors name the file and the setting.</summary>
    /// <exception cref="TriageConfigurationException">The file is missing, not JSON, or a setting is invalid.</exception>
    public static TriageConfiguration Load(string path)
    {
        ConfigurationFile file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<ConfigurationFile>(stream, FileOptions)
                ?? throw new TriageConfigurationException($"Invalid configuration file {path}: the file contains null.");
        }
        catch (FileNotFoundException)
        {
            throw new TriageConfigurationException($"Configuration file not found: {path}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new TriageConfigurationException($"Cannot read configuration file {path}: {error.Message}", error);
        }
        catch (JsonException error)
        {
            var setting = string.IsNullOrEmpty(error.Path) ? string.Empty : $" at '{error.Path}'";
            throw new TriageConfigurationException($"Invalid configuration file {path}{setting}: {error.Message.Split(" Path:", 2)[0]}", error);
        }

        return FromFile(file, path);
    }

    /// <summary>Returns the defaults, used when no configuration file is given.</summary>
    public static TriageConfiguration Default() => new();

    private static TriageConfiguration FromFile(ConfigurationFile file, string path)
    {
        var configuration = new TriageConfiguration();
        var scoring = configuration.Scoring;
        var correlation = configuration.Correlation;

        AddAll(scoring.PrivilegedAccounts, file.Scoring?.PrivilegedAccounts);
        AddAll(scoring.CriticalHosts, file.Scoring?.CriticalHosts);
        scoring.MaliciousThreshold = file.Scoring?.MaliciousThreshold ?? scoring.MaliciousThreshold;
        scoring.SuspiciousThreshold = file.Scoring?.SuspiciousThreshold ?? scoring.SuspiciousThreshold;

        correlation.Window = file.Correlation?.Window ?? correlation.Window;
        correlation.MaxIncidentSize = file.Correlation?.MaxIncidentSize ?? correlation.MaxIncidentSize;
        correlation.PrevalenceLimit = file.Correlation?.PrevalenceLimit ?? correlation.PrevalenceLimit;
        AddAll(correlation.IgnoredEntities, file.Correlation?.IgnoredEntities);

        Validate(() => scoring.Validate(), "scoring", path);
        Validate(() => correlation.Validate(), "correlation", path);
        return configuration;
    }

    private static void Validate(Action validate, string section, string path)
    {
        try
        {
            validate();
        }
        catch (ArgumentException error)
        {
            var setting = error.ParamName is null ? section : $"{section}.{JsonNamingPolicy.CamelCase.ConvertName(error.ParamName)}";
            throw new TriageConfigurationException($"Invalid configuration file {path} at '{setting}': {error.Message.Split(" (Parameter", 2)[0]}", error);
        }
    }

    private static void AddAll(IList<string> target, IEnumerable<string?>? values)
    {
        foreach (var value in values ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                target.Add(value.Trim());
            }
        }
    }

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record ConfigurationFile(
        [property: JsonPropertyName("$schema")] string? Schema,
        ScoringSection? Scoring,
        CorrelationSection? Correlation);

    private sealed record ScoringSection(
        IReadOnlyList<string?>? PrivilegedAccounts,
        IReadOnlyList<string?>? CriticalHosts,
        int? MaliciousThreshold,
        int? SuspiciousThreshold);

    private sealed record CorrelationSection(
        TimeSpan? Window,
        int? MaxIncidentSize,
        int? PrevalenceLimit,
        IReadOnlyList<string?>? IgnoredEntities);
}
