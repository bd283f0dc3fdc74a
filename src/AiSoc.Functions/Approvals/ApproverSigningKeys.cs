using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AiSoc.Functions.Approvals;

/// <summary>
/// The keys that may sign approver tokens, read from OpenID Connect metadata. The configuration manager caches the
/// document and refreshes it, so rotated Entra keys are picked up without a restart.
/// </summary>
public sealed class ApproverSigningKeys(IConfigurationManager<OpenIdConnectConfiguration> metadata)
{
    /// <summary>Returns the current signing keys.</summary>
    public async Task<ICollection<SecurityKey>> GetAsync(CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return configuration.SigningKeys;
    }
}
