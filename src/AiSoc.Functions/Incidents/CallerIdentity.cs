namespace AiSoc.Functions.Incidents;

/// <summary>The authenticated caller of the webhook: its client id and, for a managed identity, the object id.</summary>
public sealed record CallerIdentity(string ApplicationId, string? ObjectId);

/// <summary>Result of authenticating a request: the caller, or the HTTP status and reason of the failure.</summary>
public sealed record CallerAuthentication(CallerIdentity? Caller, int StatusCode, string? Failure)
{
    public static CallerAuthentication Success(CallerIdentity caller) => new(caller, 200, null);

    /// <summary>No token, or a token that is invalid, expired or from another issuer or audience.</summary>
    public static CallerAuthentication Unauthenticated(string failure) => new(null, 401, failure);

    /// <summary>A valid token of an application that is not allowed to call.</summary>
    public static CallerAuthentication Forbidden(string failure) => new(null, 403, failure);
}
