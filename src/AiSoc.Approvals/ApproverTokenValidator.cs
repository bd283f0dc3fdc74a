using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Approvals;

/// <summary>
/// Validates an approver's bearer token with <see cref="JsonWebTokenHandler"/>: RS256 signature by a configured
/// key, issuer, audience, lifetime and tenant. Role and MFA checks are left to <see cref="ApprovalHandler"/> so
/// each failure gets its own outcome.
/// </summary>
public sealed class ApproverTokenValidator
{
    private readonly ApproverAuthenticationOptions _options;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public ApproverTokenValidator(ApproverAuthenticationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _options = options;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = options.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.ClockSkew,
            // Lifetime is checked against the injected clock, so tests and hosts share one notion of now.
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, timeProvider.GetUtcNow().UtcDateTime, options.ClockSkew),
        };
    }

    /// <summary>Returns the approver, or null with the reason when the token is invalid.</summary>
    public async Task<(ApproverIdentity? Identity, string? Failure)> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, "no bearer token was sent");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, "token validation failed: " + (result.Exception?.GetType().Name ?? "unknown error"));
        }

        var identity = result.ClaimsIdentity;
        var tenant = identity.FindFirst("tid")?.Value;
        if (!string.Equals(tenant, _options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"token tenant '{tenant}' is not the configured tenant");
        }

        var objectId = identity.FindFirst("oid")?.Value;
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return (null, "token has no oid claim");
        }

        var upn = identity.FindFirst("upn")?.Value ?? identity.FindFirst("preferred_username")?.Value;
        return (new ApproverIdentity(objectId, upn, Values(identity, "roles"), Values(identity, "amr")), null);
    }

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is { } end && now <= end + skew && (notBefore is not { } start || now >= start - skew);

    private static string[] Values(ClaimsIdentity identity, string type) =>
        [.. identity.FindAll(type).Select(claim => claim.Value)];
}
