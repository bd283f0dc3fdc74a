namespace AiSoc.Narratives;

/// <summary>How the chat client authenticates to the model service.</summary>
public enum NarrativeCredentialKind
{
    /// <summary>An API key from <see cref="NarrativeOptions.ApiKey"/>.</summary>
    ApiKey,

    /// <summary>A Microsoft Entra ID token credential supplied by the host, for Azure OpenAI only.</summary>
    TokenCredential,
}
