namespace AiSoc.Narratives;

/// <summary>The model service that writes narratives.</summary>
public enum NarrativeProvider
{
    /// <summary>No model: the deterministic template writes every narrative.</summary>
    None,

    /// <summary>An Azure OpenAI deployment.</summary>
    AzureOpenAI,

    /// <summary>The OpenAI API or a service compatible with its chat completions endpoint.</summary>
    OpenAI,
}
