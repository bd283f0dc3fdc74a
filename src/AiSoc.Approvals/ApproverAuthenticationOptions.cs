using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Approvals;

/// <summary>How approver tokens are validated; checked at start-up by <see cref="ApproverAuthenticationOptionsValidator"/>.</summary>
public sealed class ApproverAuthenticationOptions
{
    public const string SectionName = "Approvals:Authentication";

    /// <summary>Entra tenant id the token's <c>tid</c> claim must equal.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Expected issuer, such as <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Expected audience: the approval app's client id or application id URI.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>Keys that may sign approver tokens, normally loaded from the tenant's OpenID configuration.</summary>
    public IList<SecurityKey> SigningKeys { get; } = [];

    /// <summary>App role (from the <c>roles</c> claim) an approver must hold.</summary>
    public string ApproverRole { get; set; } = "Incident.Approve";

    /// <summary>Authentication method reference the <c>amr</c> claim must contain.</summary>
    public string RequiredAuthenticationMethod { get; set; } = "mfa";

    /// <summary>Allowed clock difference when checking token lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
