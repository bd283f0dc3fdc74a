using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Functions.Tests.Support;

/// <summary>Signs Entra v2-shaped approver tokens with a key made for the test run; no token endpoint is involved.</summary>
internal static class ApproverTokens
{
    public const string Audience = "api://aisoc-approvals";
    public const string Role = "Incident.Approve";
    public const string ApproverOid = "3d5e7f90-0000-4000-8000-000000000010";
    public const string ApproverUpn = "soc.lead@contoso.com";

    public static readonly string Issuer = $"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "approver-test-key" };

    /// <summary>Metadata that lists only the test key, in place of the tenant's OpenID Connect document.</summary>
    public static IConfigurationManager<OpenIdConnectConfiguration> Metadata()
    {
        var configuration = new OpenIdConnectConfiguration();
        configuration.SigningKeys.Add(Key);
        return new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    public static string Create(
        string[]? roles = null,
        string[]? methods = null,
        DateTimeOffset? expires = null,
        SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TestTokens.TenantId,
            ["oid"] = ApproverOid,
            ["preferred_username"] = ApproverUpn,
            ["roles"] = roles ?? [Role],
            ["amr"] = methods ?? ["pwd", "mfa"],
        };
        var end = expires ?? TestTokens.Now.AddMinutes(55);
        var start = end.AddHours(-1) < TestTokens.Now.AddMinutes(-5) ? end.AddHours(-1) : TestTokens.Now.AddMinutes(-5);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = start.UtcDateTime,
            NotBefore = start.UtcDateTime,
            Expires = end.UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
