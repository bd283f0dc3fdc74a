using System.Net;
using System.Text;

namespace AiSoc.Integrations.Recording;

/// <summary>
/// Reports each request to the open <see cref="TenantCallRecorder"/> scopes. In a dry-run scope, a write (anything
/// but GET and HEAD) is answered here with a placeholder and never reaches the network. Reads are sent, so the
/// executor computes the same requests it would send for real. Headers are never recorded.
/// </summary>
public sealed class TenantCallRecordingHandler : DelegatingHandler
{
    /// <summary>The id in every placeholder response, so results of a dry run are recognisable.</summary>
    public const string DryRunId = "dry-run";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var scope = TenantCallRecorder.Active;
        if (scope is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var method = request.Method.Method;
        var url = request.RequestUri is null ? string.Empty : Redaction.Url(request.RequestUri);

        if (scope.DryRun && method is not ("GET" or "HEAD"))
        {
            scope.Add(new TenantCall(method, url, Redaction.Body(body), null, Sent: false));
            return Placeholder(request);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            scope.Add(new TenantCall(method, url, Redaction.Body(body), (int)response.StatusCode, Sent: true));
            return response;
        }
        catch (Exception)
        {
            scope.Add(new TenantCall(method, url, Redaction.Body(body), null, Sent: true));
            throw;
        }
    }

    private static HttpResponseMessage Placeholder(HttpRequestMessage request)
    {
        if (request.Method == HttpMethod.Delete || request.Method == HttpMethod.Patch)
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
        }

        // Enough for each caller to read an id and a status, and a cancel reports the state it asked for.
        var cancel = request.RequestUri?.AbsolutePath.EndsWith("/cancel", StringComparison.OrdinalIgnoreCase) == true;
        var json = $$"""{"id":"{{DryRunId}}","status":"{{(cancel ? "Cancelled" : "Pending")}}"}""";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }
}
