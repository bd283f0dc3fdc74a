using System.Net.Http.Headers;

namespace AiSoc.Integrations.Resilience;

/// <summary>
/// Rewrites a response's <c>Retry-After</c> as whole seconds, rounded up with <see cref="RetryAfter"/>. It sits inside
/// the Graph SDK's retry handler, which truncates an HTTP-date to whole seconds and ignores decimals, so the SDK's
/// one retry layer never retries before the server's time. It retries nothing itself.
/// </summary>
public sealed class RetryAfterNormalizingHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (RetryAfter.Of(response, timeProvider.GetUtcNow()) is { } wait)
        {
            response.Headers.Remove("Retry-After");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }

        return response;
    }
}
