using Microsoft.Extensions.Logging;

namespace AiSoc.Narratives;

/// <summary>Log messages of <see cref="ChatNarrativeWriter"/>. Prompts and completions are logged at Trace only.</summary>
internal static partial class NarrativeLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Narrative for incident {IncidentId} written by {Model} in {LatencyMs} ms; tokens in {InputTokens}, out {OutputTokens}, total {TotalTokens}")]
    public static partial void NarrativeWritten(ILogger logger, string incidentId, string model, long latencyMs, long? inputTokens, long? outputTokens, long? totalTokens);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Narrative for incident {IncidentId} fell back to the template after {LatencyMs} ms: {Reason}. {Detail}")]
    public static partial void NarrativeFellBack(ILogger logger, string incidentId, long latencyMs, NarrativeFallbackReason reason, string? detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Narrative request for incident {IncidentId} failed after {LatencyMs} ms")]
    public static partial void NarrativeRequestFailed(ILogger logger, string incidentId, long latencyMs, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Trace,
        Message = "Narrative prompt for incident {IncidentId}: {Prompt}")]
    public static partial void NarrativePrompt(ILogger logger, string incidentId, string prompt);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Trace,
        Message = "Narrative completion for incident {IncidentId}: {Completion}")]
    public static partial void NarrativeCompletion(ILogger logger, string incidentId, string completion);
}
