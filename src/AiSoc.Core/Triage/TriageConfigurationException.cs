namespace AiSoc.Core.Triage;

/// <summary>The triage configuration file is missing, unreadable or invalid.</summary>
public sealed class TriageConfigurationException : Exception
{
    public TriageConfigurationException()
    {
    }

    public TriageConfigurationException(string message)
        : base(message)
    {
    }

    public TriageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
