using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiSoc.Cli.Commands;

/// <summary>
/// The <c>--tenant</c> file of <c>aisoc investigate</c>: the base URLs of Microsoft Graph, the Defender for Endpoint
/// API and, optionally, Azure Resource Manager, and how the run signs in to them.
/// </summary>
internal sealed record InvestigateTenantSettings
{
    /// <summary>Credential kind for a loopback fake: a fixed token that never reaches a token endpoint.</summary>
    public const string FakeCredential = "fake";

    /// <summary>Credential kind that uses the Azure CLI sign-in of the local user for both roles.</summary>
    public const string AzureCliCredential = "azure-cli";

    /// <summary>Credential kind that uses <c>DefaultAzureCredential</c>, with a managed identity client id per role when given.</summary>
    public const string DefaultCredential = "default";

    public required Uri GraphBaseUrl { get; init; }

    public required Uri DefenderBaseAddress { get; init; }

    public Uri? SentinelArmBaseAddress { get; init; }

    public string Credential { get; init; } = DefaultCredential;

    /// <summary>Client id of the read-only identity (managed identity or app registration) for <c>default</c>.</summary>
    public string? EnrichmentClientId { get; init; }

    /// <summary>Client id of the identity that acts, for <c>default</c>.</summary>
    public string? ContainmentClientId { get; init; }

    /// <summary>True when every configured base URL is on a loopback address, as the fakes of <c>aisoc fake-tenant</c> are.</summary>
    [JsonIgnore]
    public bool IsLoopback => GraphBaseUrl.IsLoopback && DefenderBaseAddress.IsLoopback && (SentinelArmBaseAddress?.IsLoopback ?? true);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, is not valid JSON, or a field is missing or invalid; the message names the file and field.</exception>
    public static InvestigateTenantSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Tenant file {path} was not found.");
        }

        InvestigateTenantSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<InvestigateTenantSettings>(File.ReadAllText(path), Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Tenant file {path}: invalid JSON at {exception.Path ?? "$"}: {exception.Message}", exception);
        }

        if (settings is null)
        {
            throw new InvalidDataException($"Tenant file {path}: expected a JSON object, found null.");
        }

        settings.Validate(path);
        return settings;
    }

    private void Validate(string path)
    {
        RequireWebUrl(path, "graphBaseUrl", GraphBaseUrl);
        RequireWebUrl(path, "defenderBaseAddress", DefenderBaseAddress);
        if (SentinelArmBaseAddress is not null)
        {
            RequireWebUrl(path, "sentinelArmBaseAddress", SentinelArmBaseAddress);
        }

        if (Credential is not (FakeCredential or AzureCliCredential or DefaultCredential))
        {
            throw new InvalidDataException($"Tenant file {path}: credential '{Credential}' is invalid; expected {FakeCredential}, {AzureCliCredential} or {DefaultCredential}.");
        }

        // The fake credential sends a fixed token, which only a loopback fake may receive.
        if (Credential == FakeCredential && !IsLoopback)
        {
            throw new InvalidDataException($"Tenant file {path}: credential '{FakeCredential}' is allowed only when every base URL is on a loopback address such as 127.0.0.1.");
        }
    }

    private static void RequireWebUrl(string path, string field, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            throw new InvalidDataException($"Tenant file {path}: {field} is missing or not an absolute URL.");
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            throw new InvalidDataException($"Tenant file {path}: {field} '{url}' must use https, or http on a loopback address.");
        }
    }
}
