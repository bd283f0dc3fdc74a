using System.Net.Http.Headers;
using Azure.Core;

namespace AiSoc.Integrations.Defender;

/// <summary>
/// Adds a bearer token from one <see cref="TokenCredential"/> to each request, reusing the token until five minutes
/// before it expires.
/// </summary>
public sealed class BearerTokenHandler(TokenCredential credential, string scope, TimeProvider timeProvider) : DelegatingHandler
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? cached;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is not { } current || current.ExpiresOn - RefreshMargin <= timeProvider.GetUtcNow())
            {
                cached = current = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            }

            return current.Token;
        }
        finally
        {
            gate.Release();
        }
    }
}
