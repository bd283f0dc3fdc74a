using System.Text.Encodings.Web;

namespace AiSoc.Approvals;

/// <summary>An HTTP request to the approval page, independent of the web framework that hosts it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="ApprovalId">Approval id from the URL path.</param>
/// <param name="SessionId">The browser session id the anti-forgery token is bound to.</param>
/// <param name="BearerToken">The approver's access token; needed for POST.</param>
/// <param name="Form">Posted form fields; needed for POST.</param>
public sealed record ApprovalPageRequest(string Method, string ApprovalId, string SessionId, string? BearerToken, IReadOnlyDictionary<string, string>? Form);

/// <summary>Status code, HTML body and, for a POST that reached the handler, the decision result.</summary>
public sealed record ApprovalPageResponse(int StatusCode, string Html, ApprovalResult? Result);

/// <summary>
/// Serves the approval page. GET only shows the request, because mail and chat link scanners open links. Only a
/// POST with a valid anti-forgery token reaches the handler, which then validates the bearer token.
/// </summary>
public sealed class ApprovalPageEndpoint
{
    private readonly IApprovalStore _store;
    private readonly ApprovalHandler _handler;
    private readonly AntiForgeryTokens _antiForgery;

    public ApprovalPageEndpoint(IApprovalStore store, ApprovalHandler handler, AntiForgeryTokens antiForgery)
    {
        _store = store;
        _handler = handler;
        _antiForgery = antiForgery;
    }

    public async Task<ApprovalPageResponse> HandleAsync(ApprovalPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (HttpMethodIs(request, "GET"))
        {
            return await ShowAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (HttpMethodIs(request, "POST"))
        {
            return await DecideAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return Message(405, "Method not allowed; use GET to view and POST to decide.");
    }

    private async Task<ApprovalPageResponse> ShowAsync(ApprovalPageRequest request, CancellationToken cancellationToken)
    {
        StoredApproval? stored;
        try
        {
            stored = await _store.GetAsync(request.ApprovalId, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            stored = null;
        }

        if (stored is null)
        {
            return Message(404, "Approval request not found.");
        }

        var token = _antiForgery.Issue(stored.Request.ApprovalId, request.SessionId);
        return new ApprovalPageResponse(200, ApprovalPageRenderer.Render(stored.Request, token), null);
    }

    private async Task<ApprovalPageResponse> DecideAsync(ApprovalPageRequest request, CancellationToken cancellationToken)
    {
        var (form, error) = ApprovalForm.Parse(request.Form ?? new Dictionary<string, string>());
        if (form is null)
        {
            return Message(400, "Invalid form: " + error + ".");
        }

        if (form.ApprovalId != request.ApprovalId || !_antiForgery.IsValid(form.AntiForgeryToken, form.ApprovalId, request.SessionId))
        {
            return Message(400, "Invalid or expired anti-forgery token; reload the page and decide again.");
        }

        var result = await _handler.DecideAsync(new ApprovalDecision(form.ApprovalId, form.PlanHash, form.Approve, form.Comment, request.BearerToken), cancellationToken).ConfigureAwait(false);
        var status = result.Outcome switch
        {
            ApprovalOutcome.Approved or ApprovalOutcome.Rejected or ApprovalOutcome.Duplicate => 200,
            ApprovalOutcome.Unauthenticated => 401,
            ApprovalOutcome.Forbidden or ApprovalOutcome.MfaRequired or ApprovalOutcome.SelfApproval => 403,
            ApprovalOutcome.NotFound => 404,
            ApprovalOutcome.StalePlan or ApprovalOutcome.Late => 409,
            _ => 400,
        };
        return new ApprovalPageResponse(status, Page(result.Reason), result);
    }

    private static bool HttpMethodIs(ApprovalPageRequest request, string method) =>
        string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase);

    private static ApprovalPageResponse Message(int status, string text) => new(status, Page(text), null);

    private static string Page(string text) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Approval</title></head><body><p>{HtmlEncoder.Default.Encode(text)}</p></body></html>";
}
