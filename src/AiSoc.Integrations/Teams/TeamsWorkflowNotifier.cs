using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AiSoc.Integrations.Resilience;
using AiSoc.Investigations.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Teams;

/// <summary>
/// An <see cref="INotifier"/> that posts each notice as an Adaptive Card to a Teams workflow webhook, the default one or
/// the recipient's channel. A 200 or 202 response means the workflow accepted the card. A 429, a 5xx, a failed
/// connection or a timed-out attempt is retried, waiting as <c>Retry-After</c> requests or with exponential backoff.
/// After the last retry it throws <see cref="TeamsNotificationException"/>, so the activity fails and Durable Task
/// retries it. No log line or exception contains a workflow URL, because each URL contains the workflow signature.
/// </summary>
/// <remarks>NOTE: a 5xx can come after the workflow already posted the card, so a retry may post it twice. A repeated
/// card is preferred over a lost approval request.</remarks>
public sealed partial class TeamsWorkflowNotifier(
    HttpClient http,
    IOptions<TeamsNotifierOptions> options,
    TimeProvider timeProvider,
    ILogger<TeamsWorkflowNotifier> logger) : INotifier
{
    /// <exception cref="TeamsNotificationException">The workflow did not accept the notice after the retries.</exception>
    /// <exception cref="InvalidDataException">The notice's Adaptive Card is not a JSON object.</exception>
    public async Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);

        var settings = options.Value;
        var url = settings.UrlFor(notice.Recipient);
        var route = settings.Channels.ContainsKey(notice.Recipient) ? "channel " + notice.Recipient : "default webhook";
        var body = TeamsWorkflowMessage.Create(notice);

        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(url, body, settings.Timeout, cancellationToken).ConfigureAwait(false);
            if (outcome.Accepted)
            {
                LogSent(logger, notice.Kind, notice.InvestigationId, notice.ApprovalId, notice.Recipient, route, attempt);
                return;
            }

            var wait = outcome.RetryAfter ?? Backoff(settings, attempt);
            var reason = Reason(outcome, wait, settings, attempt);
            if (reason is not null)
            {
                LogFailed(logger, notice.Kind, notice.InvestigationId, notice.ApprovalId, notice.Recipient, route, attempt, reason);
                throw new TeamsNotificationException(
                    $"Teams notice {notice.Kind} for investigation {notice.InvestigationId} to {route} was not accepted after {attempt} attempts: {reason}.",
                    outcome.Status);
            }

            LogRetrying(logger, notice.Kind, notice.InvestigationId, notice.Recipient, route, attempt, outcome.Describe(), wait);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> SendOnceAsync(Uri url, byte[] body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attemptLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptLimit.CancelAfter(timeout);

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptLimit.Token).ConfigureAwait(false);
            var status = response.StatusCode;
            var accepted = status is HttpStatusCode.OK or HttpStatusCode.Accepted;
            return new Attempt(accepted, IsTransient(status), status, RetryAfter.Of(response, timeProvider.GetUtcNow()), null);
        }
        catch (HttpRequestException error) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception text can name the host, so only the error kind is kept.
            return new Attempt(false, true, null, null, "connection failed (" + error.HttpRequestError + ")");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(false, true, null, null, "no response within " + timeout.ToString("c", CultureInfo.InvariantCulture));
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(TeamsNotifierOptions settings, int attempt)
    {
        var wait = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return wait < settings.MaxRetryDelay ? wait : settings.MaxRetryDelay;
    }

    /// <summary>Returns why the notice fails now, or null when it is retried.</summary>
    private static string? Reason(Attempt outcome, TimeSpan wait, TeamsNotifierOptions settings, int attempt)
    {
        if (!outcome.Transient)
        {
            return outcome.Describe() + ", which is not retried. Check the workflow URL configured in " + TeamsNotifierOptions.SectionName;
        }

        if (attempt > settings.MaxRetries)
        {
            return outcome.Describe() + " on the last attempt";
        }

        if (wait > settings.MaxRetryDelay)
        {
            return $"{outcome.Describe()} with Retry-After {wait.TotalSeconds:0} s, more than MaxRetryDelay {settings.MaxRetryDelay.TotalSeconds:0} s";
        }

        return null;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Posted Teams notice {Kind} for investigation {InvestigationId} (approval {ApprovalId}) to recipient {Recipient} through the {Route} on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, NoticeKind kind, string investigationId, string approvalId, string recipient, string route, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Retrying Teams notice {Kind} for investigation {InvestigationId} to recipient {Recipient} through the {Route} after attempt {Attempt}: {Outcome}; waiting {Wait}")]
    private static partial void LogRetrying(ILogger logger, NoticeKind kind, string investigationId, string recipient, string route, int attempt, string outcome, TimeSpan wait);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "Teams notice {Kind} for investigation {InvestigationId} (approval {ApprovalId}) to recipient {Recipient} through the {Route} failed after {Attempt} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, NoticeKind kind, string investigationId, string approvalId, string recipient, string route, int attempt, string reason);

    /// <summary>The result of one POST: a status, or the error text when no response came.</summary>
    private sealed record Attempt(bool Accepted, bool Transient, HttpStatusCode? Status, TimeSpan? RetryAfter, string? Error)
    {
        public string Describe() => Status is { } status
            ? $"HTTP {(int)status} {status}"
            : Error ?? "no response";
    }
}
