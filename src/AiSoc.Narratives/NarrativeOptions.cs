namespace AiSoc.Narratives;

/// <summary>Settings of the model that writes narratives. Check them with <see cref="NarrativeOptionsValidator"/> at start-up.</summary>
public sealed class NarrativeOptions
{
    public NarrativeProvider Provider { get; set; } = NarrativeProvider.None;

    /// <summary>
    /// The service endpoint, such as <c>https://contoso.openai.azure.com/</c>. Required for Azure OpenAI; for OpenAI,
    /// null selects the public API. Plain HTTP is accepted only for a loopback address.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The Azure OpenAI deployment name, or the OpenAI model name.</summary>
    public string? Deployment { get; set; }

    public NarrativeCredentialKind CredentialKind { get; set; } = NarrativeCredentialKind.ApiKey;

    /// <summary>The API key when <see cref="CredentialKind"/> is <see cref="NarrativeCredentialKind.ApiKey"/>. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Client id of the user-assigned managed identity that a host uses as the token credential; empty lets the host
    /// pick its default credential.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The time allowed for one narrative, retries included, after which the template is used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of the chat client after a transient failure, within <see cref="Timeout"/>.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>
    /// True to request structured output with <see cref="NarrativeJsonSchema"/>, or false to request a plain JSON object
    /// for deployments without structured output. The answer is validated against the schema either way.
    /// </summary>
    public bool UseJsonSchema { get; set; } = true;

    /// <summary>The maximum number of tokens the model may write for one narrative.</summary>
    public int MaxOutputTokens { get; set; } = 1200;

    /// <summary>The maximum length in characters of one attacker-controlled value in the prompt, such as a command line.</summary>
    public int MaxFieldLength { get; set; } = 300;

    /// <summary>The maximum number of alerts described in one prompt. The incident's first alerts in time order are kept.</summary>
    public int MaxAlerts { get; set; } = 25;
}
