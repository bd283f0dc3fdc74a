using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Approvals.Tests;

/// <summary>Signs approver tokens locally with a generated RSA key, with the claims Entra ID access tokens carry (tid, oid, upn, roles, amr).</summary>
internal sealed class TestTokens : IDisposable
{
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";
    public const string Issuer = "https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000001/v2.0";
    public const string Audience = "api://aisoc-approvals";
    public const string ApproverOid = "22222222-2222-2222-2222-222222222222";
    public const string ApproverUpn = "sam.approver@contoso.com";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);

    public TestTokens(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
    }

    public TimeProvider TimeProvider { get; }

    public RsaSecurityKey Key { get; }

    public ApproverAuthenticationOptions Options()
    {
        var options = new ApproverAuthenticationOptions { TenantId = TenantId, Issuer = Issuer, Audience = Audience };
        options.SigningKeys.Add(Key);
        return options;
    }

    /// <summary>Creates a token; each argument overrides one claim or the signing key of a valid approver token.</summary>
    public string Create(
        string[]? roles = null,
        string[]? amr = null,
        string oid = ApproverOid,
        string upn = ApproverUpn,
        string issuer = Issuer,
        string audience = Audience,
        string tenantId = TenantId,
        bool signWithOtherKey = false)
    {
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        var key = signWithOtherKey ? new RsaSecurityKey(_otherRsa) { KeyId = "test-key" } : Key;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tenantId,
                ["oid"] = oid,
                ["upn"] = upn,
                ["roles"] = roles ?? ["Incident.Approve"],
                ["amr"] = amr ?? ["pwd", "mfa"],
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
    }
}
