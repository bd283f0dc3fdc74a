using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Authenticates webhook callers by their Entra bearer token with <see cref="JsonWebTokenHandler"/>: RS256
/// signature by a key from the tenant's OpenID Connect metadata, issuer (v1 or v2 endpoint of the tenant),
/// audience, lifetime, <c>tid</c>, and an allowed <c>appid</c>/<c>azp</c>. A function key alone never passes.
/// </summary>
public sealed class EntraCallerAuthenticator
{
    private readonly CallerAuthenticationOptions _options;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public EntraCallerAuthenticator(
        IOptions<CallerAuthenticationOptions> options,
        IConfigurationManager<OpenIdConnectConfiguration> metadata,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metadata = metadata;
        _timeProvider = timeProvider;
    }

    /// <summary>Authenticates the value of an <c>Authorization</c> header.</summary>
    public async Task<CallerAuthentication> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return CallerAuthentication.Unauthenticated("missing bearer token in the Authorization header");
        }

        var metadata = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(authorizationHeader[scheme.Length..].Trim(), Parameters(metadata)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return CallerAuthentication.Unauthenticated("invalid bearer token: " + (result.Exception?.GetType().Name ?? "validation failed"));
        }

        var claims = result.ClaimsIdentity;
        var tenant = claims.FindFirst("tid")?.Value;
        if (!string.Equals(tenant, _options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return CallerAuthentication.Unauthenticated($"token tenant '{tenant}' is not the configured tenant");
        }

        var applicationId = claims.FindFirst("appid")?.Value ?? claims.FindFirst("azp")?.Value;
        if (applicationId is null || !_options.AllowedApplicationIds.Contains(applicationId, StringComparer.OrdinalIgnoreCase))
        {
            return CallerAuthentication.Forbidden($"application '{applicationId ?? "(none)"}' is not in IncidentWebhook:Authentication:AllowedApplicationIds");
        }

        return CallerAuthentication.Success(new CallerIdentity(applicationId, claims.FindFirst("oid")?.Value));
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuers =
        [
            $"https://sts.windows.net/{_options.TenantId}/",
            $"https://login.microsoftonline.com/{_options.TenantId}/v2.0",
        ],
        ValidAudience = _options.Audience,
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = _options.ClockSkew,
        // Lifetime is checked against the injected clock, so tests and the host share one notion of now.
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } end && now <= end + _options.ClockSkew
            && (notBefore is not { } start || now >= start - _options.ClockSkew);
    }
}
