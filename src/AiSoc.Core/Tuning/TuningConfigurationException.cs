namespace AiSoc.Core.Tuning;

/// <summary>The tuning configuration file is missing, not valid JSON, or has an invalid setting.</summary>
public sealed class TuningConfigurationException : Exception
{
    public TuningConfigurationException(string message)
        : base(message)
    {
    }

    public TuningConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TuningConfigurationException()
    {
    }
}
