namespace AiSoc.Integrations.Sentinel;

/// <summary>An incident id from a request that is missing, malformed, or of a workspace other than the configured one.</summary>
public sealed class SentinelIncidentIdException : Exception
{
    public SentinelIncidentIdException()
    {
    }

    public SentinelIncidentIdException(string message)
        : base(message)
    {
    }

    public SentinelIncidentIdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
