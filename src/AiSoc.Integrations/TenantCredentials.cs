using Azure.Core;

namespace AiSoc.Integrations;

/// <summary>
/// The two identities of the tenant integrations, so reading and acting can hold different permissions. In Azure,
/// use a managed identity for each (<c>ManagedIdentityCredential</c> with a client id, or <c>DefaultAzureCredential</c>);
/// a client secret or certificate is for local runs only.
/// </summary>
/// <param name="Enrichment">Reads users, roles, devices and prevalence, so it needs read-only permissions only.</param>
/// <param name="Containment">Disables, isolates, blocks and writes back to Sentinel and Graph alerts.</param>
public sealed record TenantCredentials(TokenCredential Enrichment, TokenCredential Containment);
