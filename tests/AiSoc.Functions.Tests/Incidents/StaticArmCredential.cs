using Azure.Core;

namespace AiSoc.Functions.Tests.Incidents;

/// <summary>A credential that returns a fixed token and never contacts a token endpoint.</summary>
internal sealed class StaticArmCredential : TokenCredential
{
    public const string Token = "arm-read-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
