using System.Text.Json;
using System.Text.Json.Serialization;
using AiSoc.Core.Output;

namespace AiSoc.Core.Tuning;

/// <summary>Loads <see cref="TuningOptions"/> from a JSON file with camelCase setting names.</summary>
public static class TuningConfiguration
{
    private static readonly JsonSerializerOptions Options = new(OutputJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and validates the file; settings it leaves out keep their defaults.</summary>
    /// <exception cref="TuningConfigurationException">The file is missing, unreadable, invalid JSON or has an invalid setting.</exception>
    public static TuningOptions Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new TuningConfigurationException($"Cannot read tuning configuration {path}: {error.Message}", error);
        }

        TuningOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<TuningOptions>(json, Options);
        }
        catch (JsonException error)
        {
            throw new TuningConfigurationException($"Invalid tuning configuration {path}: {error.Message}", error);
        }

        if (options is null)
        {
            throw new TuningConfigurationException($"Invalid tuning configuration {path}: expected a JSON object.");
        }

        try
        {
            return options.Validate();
        }
        catch (TuningConfigurationException error)
        {
            throw new TuningConfigurationException($"{path}: {error.Message}", error);
        }
    }
}
