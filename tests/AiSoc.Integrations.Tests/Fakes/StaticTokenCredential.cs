using Azure.Core;

namespace AiSoc.Integrations.Tests.Fakes;

/// <summary>A credential that returns a fixed token and never contacts a token endpoint.</summary>
public sealed class StaticTokenCredential(string token = StaticTokenCredential.Token) : TokenCredential
{
    public const string Token = "test-token";

    private int calls;

    public int Calls => calls;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
