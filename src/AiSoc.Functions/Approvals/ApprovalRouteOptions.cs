namespace AiSoc.Functions.Approvals;

/// <summary>
/// Settings of the approval page routes, section <c>Approvals</c>: how approver tokens are validated
/// (<c>Approvals:Authentication:*</c>) and the anti-forgery secret of the page's form.
/// </summary>
public sealed class ApprovalRouteOptions
{
    public const string SectionName = "Approvals";

    /// <summary>Approver token checks.</summary>
    public ApproverTokenSettings Authentication { get; set; } = new();

    /// <summary>Server secret of at least 32 characters that signs anti-forgery tokens; every instance must share it.</summary>
    public string AntiForgeryKey { get; set; } = string.Empty;

    /// <summary>How long an opened approval page can still be posted.</summary>
    public TimeSpan AntiForgeryLifetime { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Approver token checks, section <c>Approvals:Authentication</c>; the signing keys come from OpenID Connect metadata.</summary>
public sealed class ApproverTokenSettings
{
    /// <summary>Entra tenant id the token's <c>tid</c> claim must equal.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Expected issuer; empty means <c>https://login.microsoftonline.com/{TenantId}/v2.0</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected audience: the approval app registration's client id or application id URI.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>App role an approver must hold in the <c>roles</c> claim.</summary>
    public string ApproverRole { get; set; } = "Incident.Approve";

    /// <summary>Value the <c>amr</c> claim must contain.</summary>
    public string RequiredAuthenticationMethod { get; set; } = "mfa";

    /// <summary>Allowed clock difference when checking token lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>OpenID Connect metadata address of the signing keys; empty means the tenant's v2.0 address.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Returns the configured issuer or the tenant's v2.0 issuer.</summary>
    public string ResolveIssuer() =>
        string.IsNullOrWhiteSpace(Issuer) ? $"https://login.microsoftonline.com/{TenantId}/v2.0" : Issuer;

    /// <summary>Returns the configured metadata address or the tenant's v2.0 address.</summary>
    public string ResolveMetadataAddress() =>
        string.IsNullOrWhiteSpace(MetadataAddress)
            ? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration"
            : MetadataAddress;
}
