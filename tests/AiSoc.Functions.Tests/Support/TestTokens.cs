using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Functions.Tests.Support;

/// <summary>Signs Entra-shaped access tokens with a key made for the test run; no token endpoint is involved.</summary>
internal static class TestTokens
{
    public const string TenantId = "72f988bf-0000-4000-8000-000000000001";
    public const string Audience = "api://aisoc-webhook";
    public const string LogicAppClientId = "5b1f0c1e-0000-4000-8000-000000000002";

    public static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>Metadata that lists the test key, in place of the tenant's OpenID Connect document.</summary>
    public static IConfigurationManager<OpenIdConnectConfiguration> Metadata()
    {
        var configuration = new OpenIdConnectConfiguration();
        configuration.SigningKeys.Add(Key);
        return new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    public static string Create(
        string? audience = Audience,
        string? applicationId = LogicAppClientId,
        string issuer = $"https://sts.windows.net/{TenantId}/",
        string tenant = TenantId,
        SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = tenant, ["oid"] = "9c0d4e2a-0000-4000-8000-000000000003" };
        if (applicationId is not null)
        {
            claims["appid"] = applicationId;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = Now.UtcDateTime.AddMinutes(-5),
            NotBefore = Now.UtcDateTime.AddMinutes(-5),
            Expires = Now.UtcDateTime.AddMinutes(55),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A key the metadata does not list, for forged tokens.</summary>
    public static RsaSecurityKey OtherKey() => new(RSA.Create(2048)) { KeyId = "other-key" };
}
