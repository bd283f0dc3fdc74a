namespace AiSoc.Core.Ingest;

/// <summary>An input file could not be opened or read; the run stops because its records would be lost silently.</summary>
public sealed class InputReadException : Exception
{
    public InputReadException(string path, Exception innerException)
        : base($"Cannot read input file {path}: {innerException.Message}", innerException)
    {
        Path = path;
    }

    public InputReadException()
    {
    }

    public InputReadException(string message)
        : base(message)
    {
    }

    public string? Path { get; }
}
