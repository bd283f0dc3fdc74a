using System.Net;

namespace AiSoc.Integrations.Resilience;

/// <summary>Which responses a client retries on its own, shared by the Graph and Defender retry handlers.</summary>
public static class RetryRules
{
    /// <summary>
    /// True when a request that got <paramref name="status"/> may be sent again unchanged. A 429 means the server
    /// rejected the request before acting, so every method is retried. A 5xx on a POST may come after the change was
    /// made, so the POST is not retried here: the caller re-reads the state first (see <c>MachineActionRunner</c>).
    /// </summary>
    public static bool ShouldRetry(HttpMethod? method, HttpStatusCode status)
    {
        if (status == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        var transient = status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        return transient && IsIdempotent(method);
    }

    /// <summary>True for methods that RFC 9110 defines as idempotent and that AiSoc sends: GET, HEAD, PUT and DELETE.</summary>
    public static bool IsIdempotent(HttpMethod? method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete;
}
