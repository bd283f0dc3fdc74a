namespace AiSoc.Narratives;

/// <summary>Why a narrative came from the template instead of the model.</summary>
public enum NarrativeFallbackReason
{
    /// <summary>The narrative was written by the model.</summary>
    None,

    /// <summary>No model is configured.</summary>
    NotConfigured,

    /// <summary>The model's output is not a JSON object.</summary>
    InvalidJson,

    /// <summary>The model's output is JSON but does not match the narrative schema.</summary>
    SchemaViolation,

    /// <summary>The model refused to answer or returned no text.</summary>
    Refusal,

    /// <summary>The request took longer than the configured timeout.</summary>
    Timeout,

    /// <summary>The service's content filter blocked the prompt or the completion.</summary>
    ContentFilter,

    /// <summary>The request failed with an HTTP error or a network error.</summary>
    TransportError,
}
