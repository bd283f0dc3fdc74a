namespace AiSoc.Learning.Model;

/// <summary>A model file is missing, unreadable or not an AiSoc triage model; the message names the file.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
