using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// HTTP trigger for the Sentinel incident or alert that an automation rule's Logic App forwards with its managed
/// identity. It authenticates the caller's Entra token, validates the body, and hands the delivery to
/// <see cref="SentinelIncidentIntake"/>, which reads the incident from Sentinel, stores it and starts the
/// investigation. It returns 202 with the investigation id, or 400, 404, 502 or 503 (with <c>Retry-After</c>) when
/// the intake fails, so the Logic App's retry policy sends the 5xx cases again. It never returns orchestration
/// management URLs.
/// </summary>
public sealed partial class IncidentWebhookFunction(
    EntraCallerAuthenticator authenticator,
    SentinelIncidentIntake intake,
    IInvestigationStarterFactory starters,
    TimeProvider timeProvider,
    ILogger<IncidentWebhookFunction> logger)
{
    /// <summary>Largest body accepted; a Sentinel incident trigger body with entities is typically tens of kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    [Function("SentinelIncident")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sentinel/incidents")] HttpRequest request,
        [DurableClient] DurableTaskClient? durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var authentication = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (authentication.Caller is not { } caller)
        {
            LogRejectedCaller(logger, authentication.StatusCode, authentication.Failure!);
            if (authentication.StatusCode == StatusCodes.Status401Unauthorized)
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Problem(authentication.StatusCode, authentication.Failure!);
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            LogInvalidBody(logger, caller.ApplicationId, "body larger than the limit");
            return Problem(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {MaxBodyBytes} bytes.");
        }

        var (envelope, error) = IncidentEnvelope.Parse(body);
        if (envelope is null)
        {
            LogInvalidBody(logger, caller.ApplicationId, error!);
            return Problem(StatusCodes.Status400BadRequest, error!);
        }

        var delivery = new IncidentDelivery(envelope, body, caller, timeProvider.GetUtcNow());
        var outcome = await intake.AcceptAsync(delivery, starters.Create(durableClient), cancellationToken).ConfigureAwait(false);
        if (outcome.Accepted is not { } accepted)
        {
            if (outcome.RetryAfter is { } wait)
            {
                request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return Problem(outcome.StatusCode, outcome.Problem!);
        }

        LogAccepted(logger, accepted.InvestigationId, accepted.Kind, accepted.ProviderId, caller.ApplicationId, accepted.Status);
        return new ObjectResult(accepted) { StatusCode = StatusCodes.Status202Accepted };
    }

    // Returns null when the body exceeds MaxBodyBytes, reading at most one byte past the limit.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static ObjectResult Problem(int statusCode, string detail) =>
        new(new ProblemDetails { Status = statusCode, Detail = detail }) { StatusCode = statusCode };

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Rejected incident webhook caller with status {StatusCode}: {Reason}")]
    private static partial void LogRejectedCaller(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Rejected incident webhook body from application {ApplicationId}: {Reason}")]
    private static partial void LogInvalidBody(ILogger logger, string applicationId, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information,
        Message = "Accepted {Kind} {ProviderId} from application {ApplicationId} as investigation {InvestigationId} ({Status})")]
    private static partial void LogAccepted(ILogger logger, string investigationId, string kind, string providerId, string applicationId, string status);
}

/// <summary>The 202 response body: the investigation id and what this request did to it.</summary>
/// <param name="Status"><see cref="Started"/>, <see cref="AlreadyStarted"/> or <see cref="AlreadyFinished"/>.</param>
public sealed record WebhookAccepted(string InvestigationId, string Kind, string ProviderId, string Status)
{
    /// <summary>This request saved the incident and started its investigation.</summary>
    public const string Started = "started";

    /// <summary>The investigation was already running. This request saved the refreshed incident and raised IncidentUpdated.</summary>
    public const string AlreadyStarted = "already-started";

    /// <summary>The investigation had finished; this request changed nothing.</summary>
    public const string AlreadyFinished = "already-finished";
}
