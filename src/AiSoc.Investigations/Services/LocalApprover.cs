using System.Security.Cryptography;
using AiSoc.Approvals;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Investigations.Services;

/// <summary>
/// Signs approver tokens with an RSA key generated for this instance, for hosts without a tenant such as the local
/// runner. Decisions still go through <see cref="ApprovalHandler"/> with its role, authentication-method, plan-hash
/// and self-approval checks; only the identity provider is local.
/// </summary>
public sealed class LocalApprover : IDisposable
{
    public const string TenantId = "local";
    public const string Issuer = "aisoc-local";
    public const string Audience = "aisoc-local-approvals";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly TimeProvider _timeProvider;
    private readonly string _authenticationMethod;

    /// <param name="timeProvider">Clock for token lifetimes.</param>
    /// <param name="authenticationMethod">The <c>amr</c> value tokens carry and the options require, such as <c>mfa</c>.</param>
    public LocalApprover(TimeProvider timeProvider, string authenticationMethod)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(authenticationMethod);

        _timeProvider = timeProvider;
        _authenticationMethod = authenticationMethod;
        _key = new RsaSecurityKey(_rsa) { KeyId = "local-" + Guid.NewGuid().ToString("N") };
    }

    /// <summary>Returns validation options that trust only this instance's key.</summary>
    public ApproverAuthenticationOptions Options()
    {
        var options = new ApproverAuthenticationOptions
        {
            TenantId = TenantId,
            Issuer = Issuer,
            Audience = Audience,
            RequiredAuthenticationMethod = _authenticationMethod,
        };
        options.SigningKeys.Add(_key);
        return options;
    }

    /// <summary>Creates a token for <paramref name="upn"/>; <paramref name="roles"/> and <paramref name="authenticationMethods"/> default to an approver who passed the required method.</summary>
    public string CreateToken(string upn, string objectId, IReadOnlyList<string>? roles = null, IReadOnlyList<string>? authenticationMethods = null)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + TokenLifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["tid"] = TenantId,
                ["oid"] = objectId,
                ["upn"] = upn,
                ["roles"] = roles?.ToArray() ?? ["Incident.Approve"],
                ["amr"] = authenticationMethods?.ToArray() ?? [_authenticationMethod],
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
