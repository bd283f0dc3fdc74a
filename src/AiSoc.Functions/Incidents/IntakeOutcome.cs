namespace AiSoc.Functions.Incidents;

/// <summary>What <see cref="SentinelIncidentIntake"/> did with one delivery: the HTTP status and the response body.</summary>
/// <param name="StatusCode">202 when accepted, otherwise the error status.</param>
/// <param name="Accepted">The 202 response body.</param>
/// <param name="Problem">The error detail, naming the incident or field at fault.</param>
/// <param name="RetryAfter">Wait to send in <c>Retry-After</c> with a 503.</param>
public sealed record IntakeOutcome(int StatusCode, WebhookAccepted? Accepted, string? Problem, TimeSpan? RetryAfter = null)
{
    public static IntakeOutcome Accept(WebhookAccepted accepted) => new(202, accepted, null);

    public static IntakeOutcome Reject(int statusCode, string problem, TimeSpan? retryAfter = null) => new(statusCode, null, problem, retryAfter);
}
