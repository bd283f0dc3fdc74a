using System.Security.Cryptography;
using AiSoc.Approvals;
using AiSoc.Functions.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Approvals;

/// <summary>
/// HTTP routes of the approval page: <c>GET /api/approvals/{id}</c> shows the request and <c>POST
/// /api/approvals/{id}</c> decides it. Both need an approver token with the approver app role. GET never decides,
/// because mail and chat link scanners open links. POST also needs MFA, a session cookie set by GET and the form's
/// anti-forgery token bound to it, and a request can be decided once.
/// </summary>
public sealed partial class ApprovalPageFunction(ApprovalPageFactory factory, ILogger<ApprovalPageFunction> logger)
{
    /// <summary>Cookie that binds the anti-forgery token to the browser that opened the page.</summary>
    public const string SessionCookie = "__Host-aisoc-approval-session";

    /// <summary>Header with the access token when App Service Authentication keeps tokens (token store).</summary>
    public const string TokenStoreHeader = "X-MS-TOKEN-AAD-ACCESS-TOKEN";

    // Anonymous at the host: a browser cannot send a function key, so the approver token authenticates instead.
    [Function("ApprovalPage")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "approvals/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient? durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        using var activity = AiSocTelemetry.ActivitySource.StartActivity("approval-page");
        activity?.SetTag("aisoc.approval_id", id);

        var (validator, endpoint) = await factory.CreateAsync(cancellationToken).ConfigureAwait(false);
        var token = BearerToken(request);
        ApprovalPageResponse response;
        if (HttpMethods.IsGet(request.Method))
        {
            var denied = await CheckViewerAsync(validator, token, id).ConfigureAwait(false);
            if (denied is not null)
            {
                return Html(request, denied);
            }

            var session = request.Cookies[SessionCookie] is { Length: 64 } existing ? existing : NewSessionId();
            response = await endpoint.HandleAsync(new ApprovalPageRequest("GET", id, session, token, null), cancellationToken).ConfigureAwait(false);
            SetSessionCookie(request, session);
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            response = await DecideAsync(request, endpoint, id, token, cancellationToken).ConfigureAwait(false);

            // Without a bound client (no Durable host), the orchestration's periodic store check finds the decision.
            if (durableClient is not null && response.Result is { } result)
            {
                await ApprovalDecidedEvents.RaiseAsync(durableClient, result, logger, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            response = await endpoint.HandleAsync(new ApprovalPageRequest(request.Method, id, string.Empty, token, null), cancellationToken).ConfigureAwait(false);
        }

        return Html(request, response);
    }

    private async Task<ApprovalPageResponse> DecideAsync(HttpRequest request, ApprovalPageEndpoint endpoint, string id, string? token, CancellationToken cancellationToken)
    {
        if (request.Cookies[SessionCookie] is not { Length: > 0 } session)
        {
            LogRejected(logger, id, 400, "no session cookie");
            return new ApprovalPageResponse(400, Page("The session cookie is missing; open the approval page again and decide there."), null);
        }

        if (!request.HasFormContentType)
        {
            LogRejected(logger, id, 415, "body is not a form");
            return new ApprovalPageResponse(415, Page("Expected a form post (application/x-www-form-urlencoded)."), null);
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var fields = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        var response = await endpoint.HandleAsync(new ApprovalPageRequest("POST", id, session, token, fields), cancellationToken).ConfigureAwait(false);
        if (response.Result is { } result)
        {
            var investigationId = result.Request?.InvestigationId ?? "unknown";
            var outcome = result.Outcome.ToString();
            LogDecision(logger, id, investigationId, outcome, response.StatusCode);
        }
        else
        {
            LogRejected(logger, id, response.StatusCode, "invalid form or anti-forgery token");
        }

        return response;
    }

    // Viewing needs a valid approver token with the app role; MFA is checked when deciding.
    private async Task<ApprovalPageResponse?> CheckViewerAsync(ApproverTokenValidator validator, string? token, string id)
    {
        var (approver, failure) = await validator.ValidateAsync(token).ConfigureAwait(false);
        if (approver is null)
        {
            LogRejected(logger, id, 401, failure!);
            return new ApprovalPageResponse(401, Page("Sign in as an approver to view this request."), null);
        }

        if (!approver.Roles.Contains(factory.Authentication.ApproverRole, StringComparer.Ordinal))
        {
            LogRejected(logger, id, 403, "missing approver app role");
            return new ApprovalPageResponse(403, Page($"Your account does not hold the app role {factory.Authentication.ApproverRole}."), null);
        }

        return null;
    }

    private static string? BearerToken(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[scheme.Length..].Trim();
        }

        // The token store header is validated like any other token, so where it came from grants nothing.
        var stored = request.Headers[TokenStoreHeader].ToString();
        return string.IsNullOrWhiteSpace(stored) ? null : stored.Trim();
    }

    private static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static void SetSessionCookie(HttpRequest request, string session) =>
        request.HttpContext.Response.Cookies.Append(SessionCookie, session, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
        });

    private static ContentResult Html(HttpRequest request, ApprovalPageResponse response)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        if (response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            headers.WWWAuthenticate = "Bearer";
        }

        return new ContentResult { StatusCode = response.StatusCode, Content = response.Html, ContentType = "text/html; charset=utf-8" };
    }

    private static string Page(string text) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Approval</title></head><body><p>{System.Net.WebUtility.HtmlEncode(text)}</p></body></html>";

    [LoggerMessage(EventId = 5500, Level = LogLevel.Information,
        Message = "Approval {ApprovalId} of investigation {InvestigationId}: decision outcome {Outcome}, status {StatusCode}")]
    private static partial void LogDecision(ILogger logger, string approvalId, string investigationId, string outcome, int statusCode);

    [LoggerMessage(EventId = 5501, Level = LogLevel.Warning, Message = "Rejected approval page request for {ApprovalId} with status {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string approvalId, int statusCode, string reason);
}
