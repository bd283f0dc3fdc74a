using System.Text.Json;
using AiSoc.Core.Output;

namespace AiSoc.Core.Baselines;

/// <summary>Loads and saves <see cref="BaselineState"/> as an indented JSON file.</summary>
public static class BaselineStateStore
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Loads the state at <paramref name="path"/>, or returns an empty state when the file does not exist.</summary>
    /// <exception cref="BaselineStateException">The file cannot be read, is not valid JSON or has another version.</exception>
    public static BaselineState Load(string path)
    {
        if (!File.Exists(path))
        {
            return new BaselineState();
        }

        BaselineState? state;
        try
        {
            using var stream = File.OpenRead(path);
            state = JsonSerializer.Deserialize<BaselineState>(stream, Options);
        }
        catch (JsonException error)
        {
            throw new BaselineStateException($"Invalid baseline state file {path}: {error.Message} Delete the file to start a new baseline.", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BaselineStateException($"Cannot read baseline state file {path}: {error.Message}", error);
        }

        if (state is null)
        {
            throw new BaselineStateException($"Invalid baseline state file {path}: the file contains JSON null. Delete the file to start a new baseline.");
        }

        if (state.Version != BaselineState.CurrentVersion)
        {
            throw new BaselineStateException($"Baseline state file {path} has version {state.Version}; this version of aisoc reads version {BaselineState.CurrentVersion}.");
        }

        return state;
    }

    /// <summary>Saves <paramref name="state"/> to <paramref name="path"/> through a temporary file, so a failed write keeps the old state.</summary>
    /// <exception cref="BaselineStateException">The file cannot be written.</exception>
    public static void Save(BaselineState state, string path)
    {
        var temporary = path + ".tmp";
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, state, Options);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BaselineStateException($"Cannot write baseline state file {path}: {error.Message}", error);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The baseline state file cannot be read, parsed or written.</summary>
public sealed class BaselineStateException : Exception
{
    public BaselineStateException()
    {
    }

    public BaselineStateException(string message)
        : base(message)
    {
    }

    public BaselineStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
