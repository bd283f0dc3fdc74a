using System.Text.RegularExpressions;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Status;

/// <summary>
/// HTTP routes for an investigation's status (<c>GET /api/investigations/{id}</c>) and Markdown case report
/// (<c>GET /api/investigations/{id}/report</c>). Callers authenticate as for the incident webhook: an Entra token
/// of an allowed application. Responses never contain orchestration management URLs.
/// </summary>
public sealed partial class InvestigationStatusFunction(
    EntraCallerAuthenticator authenticator,
    IInvestigationStatusReaderFactory readers,
    ILogger<InvestigationStatusFunction> logger)
{
    [Function("InvestigationStatus")]
    public async Task<IActionResult> GetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "investigations/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient? durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        using var activity = AiSocTelemetry.ActivitySource.StartActivity("investigation-status");
        activity?.SetTag("aisoc.investigation_id", id);

        var rejected = await AuthorizeAsync(request, id, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return rejected;
        }

        var reader = readers.Create(durableClient);
        var status = await reader.GetAsync(id, cancellationToken).ConfigureAwait(false);
        LogRead(logger, id, "status", status is not null);
        return status is null
            ? Problem(StatusCodes.Status404NotFound, $"Investigation {id} not found.")
            : new OkObjectResult(status);
    }

    [Function("InvestigationReport")]
    public async Task<IActionResult> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "investigations/{id}/report")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient? durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        using var activity = AiSocTelemetry.ActivitySource.StartActivity("investigation-report");
        activity?.SetTag("aisoc.investigation_id", id);

        var rejected = await AuthorizeAsync(request, id, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return rejected;
        }

        var reader = readers.Create(durableClient);
        if (await reader.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            LogRead(logger, id, "report", false);
            return Problem(StatusCodes.Status404NotFound, $"Investigation {id} not found.");
        }

        var report = await reader.GetReportAsync(id, cancellationToken).ConfigureAwait(false);
        LogRead(logger, id, "report", report is not null);
        return report is null
            ? Problem(StatusCodes.Status404NotFound, $"Investigation {id} has no case report yet; read its status for the current stage.")
            : new ContentResult { StatusCode = StatusCodes.Status200OK, Content = report, ContentType = "text/markdown; charset=utf-8" };
    }

    private async Task<IActionResult?> AuthorizeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var authentication = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (authentication.Caller is null)
        {
            LogRejected(logger, id, authentication.StatusCode, authentication.Failure!);
            if (authentication.StatusCode == StatusCodes.Status401Unauthorized)
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Problem(authentication.StatusCode, authentication.Failure!);
        }

        if (!InvestigationIdFormat().IsMatch(id))
        {
            LogRejected(logger, id, StatusCodes.Status400BadRequest, "invalid investigation id");
            return Problem(StatusCodes.Status400BadRequest, $"Invalid investigation id '{id}': expected inv- followed by 20 lower-case hex digits.");
        }

        return null;
    }

    private static ObjectResult Problem(int statusCode, string detail) =>
        new(new ProblemDetails { Status = statusCode, Detail = detail }) { StatusCode = statusCode };

    [GeneratedRegex("^inv-[0-9a-f]{20}$", RegexOptions.CultureInvariant)]
    private static partial Regex InvestigationIdFormat();

    [LoggerMessage(EventId = 5510, Level = LogLevel.Information, Message = "Read {Resource} of investigation {InvestigationId} (found: {Found})")]
    private static partial void LogRead(ILogger logger, string investigationId, string resource, bool found);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Warning, Message = "Rejected investigation status request for {InvestigationId} with status {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string investigationId, int statusCode, string reason);
}
