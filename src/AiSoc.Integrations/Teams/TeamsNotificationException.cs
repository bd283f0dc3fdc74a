using System.Net;

namespace AiSoc.Integrations.Teams;

/// <summary>
/// A notice that the Teams workflow did not accept after the retries. Its message names the recipient, the notice and the
/// HTTP status, never the workflow URL.
/// </summary>
public sealed class TeamsNotificationException : Exception
{
    public TeamsNotificationException()
    {
    }

    public TeamsNotificationException(string message)
        : base(message)
    {
    }

    public TeamsNotificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TeamsNotificationException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Status of the last response, or null when the last attempt got none (failed connection or timeout).</summary>
    public HttpStatusCode? StatusCode { get; }
}
