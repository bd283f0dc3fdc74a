using System.ClientModel;
using AiSoc.Narratives.Prompting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiSoc.Narratives;

/// <summary>
/// Writes narratives with a chat model and falls back to <see cref="TemplateNarrativeWriter"/> on any failure:
/// no model configured, invalid JSON, a schema violation, a refusal, a timeout, a content filter block, or a
/// transport error. The fallback reason is recorded on the narrative. The model's text is untrusted output that
/// only <see cref="NarrativeRenderer"/> may display.
/// </summary>
public sealed class ChatNarrativeWriter : INarrativeWriter
{
    private readonly IChatClient? _chatClient;

    private readonly NarrativeOptions _options;

    private readonly TimeProvider _timeProvider;

    private readonly ILogger<ChatNarrativeWriter> _logger;

    private readonly NarrativePromptBuilder _promptBuilder;

    private readonly ChatOptions _chatOptions;

    /// <param name="chatClient">The model client, usually from <see cref="NarrativeChatClientFactory"/>, or null to use the template.</param>
    /// <param name="options">Validated at construction, so invalid options throw <see cref="ArgumentException"/>.</param>
    public ChatNarrativeWriter(
        IChatClient? chatClient,
        NarrativeOptions options,
        TimeProvider timeProvider,
        ILogger<ChatNarrativeWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        NarrativeOptionsValidator.ThrowIfInvalid(options);

        _chatClient = chatClient;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _promptBuilder = new NarrativePromptBuilder(options);
        _chatOptions = new ChatOptions
        {
            MaxOutputTokens = options.MaxOutputTokens,
            ResponseFormat = options.UseJsonSchema
                ? ChatResponseFormat.ForJsonSchema(NarrativeJsonSchema.ModelSchema, NarrativeJsonSchema.Name, "An investigation narrative of one security incident.")
                : ChatResponseFormat.Json,
        };
    }

    /// <inheritdoc />
    public async Task<InvestigationNarrative> WriteAsync(NarrativeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (_chatClient is null)
        {
            return TemplateNarrativeWriter.Write(request, NarrativeFallbackReason.NotConfigured, detail: null, TimeSpan.Zero);
        }

        var incidentId = request.Incident.Id;
        var messages = _promptBuilder.Build(request);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            NarrativeLog.NarrativePrompt(_logger, incidentId, messages[^1].Text);
        }

        var started = _timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        ChatResponse response;
        try
        {
            response = await _chatClient.GetResponseAsync(messages, _chatOptions, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Both our timeout and the client's network timeout arrive here, and either way the model took too long.
            NarrativeLog.NarrativeRequestFailed(_logger, incidentId, ElapsedMs(started), ex);
            return FallBack(request, started, NarrativeFallbackReason.Timeout, $"No answer within {_options.Timeout}.");
        }
        catch (ClientResultException ex) when (ContentFilterErrors.IsContentFilter(ex))
        {
            return FallBack(request, started, NarrativeFallbackReason.ContentFilter, "The service's content filter blocked the prompt (HTTP 400).");
        }
        catch (ClientResultException ex)
        {
            NarrativeLog.NarrativeRequestFailed(_logger, incidentId, ElapsedMs(started), ex);
            var detail = ex.Status == 0 ? $"Network error: {ex.Message}" : $"HTTP {ex.Status}.";
            return FallBack(request, started, NarrativeFallbackReason.TransportError, detail);
        }
        catch (HttpRequestException ex)
        {
            NarrativeLog.NarrativeRequestFailed(_logger, incidentId, ElapsedMs(started), ex);
            return FallBack(request, started, NarrativeFallbackReason.TransportError, ex.Message);
        }

        return Accept(request, started, response);
    }

    private InvestigationNarrative Accept(NarrativeRequest request, long started, ChatResponse response)
    {
        var incidentId = request.Incident.Id;
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return FallBack(request, started, NarrativeFallbackReason.ContentFilter, "The service's content filter blocked the completion (finish reason content_filter).");
        }

        if (ModelRefusals.HasRefusal(response))
        {
            return FallBack(request, started, NarrativeFallbackReason.Refusal, "The model refused to answer.");
        }

        var text = response.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FallBack(request, started, NarrativeFallbackReason.Refusal, "The model returned no text.");
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            NarrativeLog.NarrativeCompletion(_logger, incidentId, text);
        }

        var answer = NarrativeAnswerParser.Parse(text, out var reason, out var detail);
        if (answer is null)
        {
            return FallBack(request, started, reason, detail);
        }

        var latency = _timeProvider.GetElapsedTime(started);
        var model = response.ModelId ?? _options.Deployment ?? "unknown";
        var usage = response.Usage is { } u ? new NarrativeTokenUsage(u.InputTokenCount, u.OutputTokenCount, u.TotalTokenCount) : null;
        NarrativeLog.NarrativeWritten(_logger, incidentId, model, (long)latency.TotalMilliseconds, usage?.InputTokens, usage?.OutputTokens, usage?.TotalTokens);

        return new InvestigationNarrative
        {
            IncidentId = incidentId,
            Summary = answer.Summary,
            TimelineNarrative = answer.TimelineNarrative,
            VerdictRationale = answer.VerdictRationale,
            RecommendedNextSteps = answer.RecommendedNextSteps,
            OpenQuestions = answer.OpenQuestions,
            IsAiWritten = true,
            ModelName = model,
            TokenUsage = usage,
            Latency = latency,
            FallbackReason = NarrativeFallbackReason.None,
        };
    }

    private InvestigationNarrative FallBack(NarrativeRequest request, long started, NarrativeFallbackReason reason, string? detail)
    {
        var latency = _timeProvider.GetElapsedTime(started);
        NarrativeLog.NarrativeFellBack(_logger, request.Incident.Id, (long)latency.TotalMilliseconds, reason, detail);
        return TemplateNarrativeWriter.Write(request, reason, detail, latency);
    }

    private long ElapsedMs(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
