using Azure.Core;

namespace AiSoc.Cli.Commands;

/// <summary>
/// A fixed bearer token for the loopback fake tenant, which accepts any token. It never contacts a token endpoint,
/// and <see cref="InvestigateTenantSettings"/> allows it only when every base URL is on a loopback address.
/// </summary>
internal sealed class InvestigateFakeTokenCredential : TokenCredential
{
    public const string Token = "aisoc-fake-tenant-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
