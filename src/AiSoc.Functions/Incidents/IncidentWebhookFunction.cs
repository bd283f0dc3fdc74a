using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// HTTP trigger for the Sentinel incident or alert that an automation rule's Logic App forwards with its managed
/// identity. It authenticates the caller's Entra token, validates the body, starts the investigation and returns
/// 202 with the investigation id. It never returns orchestration management URLs.
/// </summary>
public sealed partial class IncidentWebhookFunction(
    EntraCallerAuthenticator authenticator,
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

        var investigationId = InvestigationIds.For(envelope.Kind, envelope.ProviderId);
        var started = await starters.Create(durableClient).StartAsync(
            new InvestigationRequest(investigationId, envelope.Kind, envelope.ProviderId, envelope.Title, Encoding.UTF8.GetString(body), caller, timeProvider.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        LogAccepted(logger, investigationId, envelope.Kind, envelope.ProviderId, caller.ApplicationId, started);

        return new ObjectResult(new WebhookAccepted(investigationId, envelope.Kind, envelope.ProviderId, started ? "started" : "already-started"))
        {
            StatusCode = StatusCodes.Status202Accepted,
        };
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
        Message = "Accepted {Kind} {ProviderId} from application {ApplicationId} as investigation {InvestigationId} (new: {IsNew})")]
    private static partial void LogAccepted(ILogger logger, string investigationId, string kind, string providerId, string applicationId, bool isNew);
}

/// <summary>The 202 response body: the investigation id and whether this request started it.</summary>
public sealed record WebhookAccepted(string InvestigationId, string Kind, string ProviderId, string Status);
