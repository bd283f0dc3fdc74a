using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Who may call the incident webhook, section <c>IncidentWebhook:Authentication</c>: an Entra access token for
/// <see cref="Audience"/> issued by <see cref="TenantId"/> to one of <see cref="AllowedApplicationIds"/>, such as
/// the client id of the forwarding Logic App's managed identity.
/// </summary>
public sealed class CallerAuthenticationOptions
{
    public const string SectionName = "IncidentWebhook:Authentication";

    /// <summary>Entra tenant id; the token's <c>tid</c> claim and issuer must name it.</summary>
    [Required]
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Expected <c>aud</c>: the webhook app registration's application id URI or client id.</summary>
    [Required]
    public string Audience { get; set; } = string.Empty;

    /// <summary>Client ids accepted in the <c>appid</c> (v1 token) or <c>azp</c> (v2 token) claim.</summary>
    [MinLength(1)]
    public IList<string> AllowedApplicationIds { get; } = [];

    /// <summary>OpenID Connect metadata address the signing keys come from; empty means the tenant's v2.0 address.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Allowed clock difference when checking token lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Returns the configured metadata address or the tenant's default one.</summary>
    public string ResolveMetadataAddress() =>
        string.IsNullOrWhiteSpace(MetadataAddress)
            ? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration"
            : MetadataAddress;
}
