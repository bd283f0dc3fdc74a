using System.Text.Json;
using System.Text.Json.Serialization;
using AiSoc.Core.Baselines;

namespace AiSoc.Cli.Commands;

/// <summary>Reads <see cref="BaselineOptions"/> from a JSON file whose property names match the option names.</summary>
internal static class BaselineOptionsFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads and validates the options, or returns the error message that names the file and the problem.</summary>
    public static (BaselineOptions? Options, string? Error) Load(string path)
    {
        BaselineOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<BaselineOptions>(File.ReadAllText(path), Options);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, $"Cannot read baseline configuration file {path}: {error.Message}");
        }
        catch (JsonException error)
        {
            return (null, $"Invalid baseline configuration file {path}: {error.Message}");
        }

        if (options is null)
        {
            return (null, $"Invalid baseline configuration file {path}: expected a JSON object, found null.");
        }

        var problems = options.Validate();
        return problems.Count == 0
            ? (options, null)
            : (null, $"Invalid baseline configuration file {path}: {string.Join(" ", problems)}");
    }
}
