using System.Net;

namespace AiSoc.Integrations;

/// <summary>A Graph or Defender call that failed, with the HTTP status and, for a 403, the permission to grant.</summary>
public sealed class TenantApiException : Exception
{
    public TenantApiException()
    {
    }

    public TenantApiException(string message)
        : base(message)
    {
    }

    public TenantApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TenantApiException(string operation, HttpStatusCode? statusCode, string? requiredPermission, string detail, Exception? innerException = null)
        : base(Describe(operation, statusCode, requiredPermission, detail), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        RequiredPermission = requiredPermission;
    }

    /// <summary>The call that failed, such as <c>GET /users/{id}</c>.</summary>
    public string Operation { get; } = string.Empty;

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The application permission the call needs; named in the message of a 403.</summary>
    public string? RequiredPermission { get; }

    /// <summary>True for 404: the provider does not know the entity.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    private static string Describe(string operation, HttpStatusCode? statusCode, string? requiredPermission, string detail)
    {
        if (statusCode == HttpStatusCode.Forbidden)
        {
            var permission = requiredPermission ?? "the permission for this call";
            return $"{operation} failed with 403 Forbidden: grant the application permission {permission} and admin consent. {detail}".TrimEnd();
        }

        if (statusCode == HttpStatusCode.TooManyRequests)
        {
            return $"{operation} failed with 429 Too Many Requests after the configured retries: try again later. {detail}".TrimEnd();
        }

        var status = statusCode is null ? "without a response" : $"with {(int)statusCode} {statusCode}";
        return $"{operation} failed {status}. {detail}".TrimEnd();
    }
}
