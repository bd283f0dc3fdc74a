using AiSoc.Narratives.Tests.Support;

namespace AiSoc.Narratives.Tests;

public sealed class ChatNarrativeWriterTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WriteAsync_ValidAnswer_ReturnsAiNarrative()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson()));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.True(narrative.IsAiWritten);
        Assert.Equal(NarrativeFallbackReason.None, narrative.FallbackReason);
        Assert.Equal("A user opened a phishing mail and ran an encoded PowerShell command.", narrative.Summary);
        Assert.Equal(2, narrative.RecommendedNextSteps.Count);
        Assert.Equal("isolate-device", narrative.RecommendedNextSteps[0].ActionType);
        Assert.Equal(CannedReplies.Model, narrative.ModelName);
        Assert.Equal(new NarrativeTokenUsage(812, 230, 1042), narrative.TokenUsage);
        Assert.True(narrative.Latency > TimeSpan.Zero);
    }

    [Fact]
    public async Task WriteAsync_Azure_CallsDeploymentPath()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson()));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        await writer.WriteAsync(TestIncidents.PhishingRequest());
        var requests = await server.WaitForRequestsAsync(1, WaitLimit);

        var request = Assert.Single(requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/openai/deployments/{WriterFactory.Deployment}/chat/completions", request.Path);
        Assert.StartsWith("?api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal(WriterFactory.ApiKey, request.ApiKeyHeader);
    }

    [Fact]
    public async Task WriteAsync_OpenAIProvider_CallsV1ChatCompletions()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson()));
        var writer = WriterFactory.Create(WriterFactory.OpenAIOptions(server));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());
        var requests = await server.WaitForRequestsAsync(1, WaitLimit);

        Assert.True(narrative.IsAiWritten);
        Assert.Equal("/v1/chat/completions", Assert.Single(requests).Path);
        Assert.Equal("Bearer " + WriterFactory.ApiKey, requests[0].AuthorizationHeader);
        Assert.Equal(WriterFactory.Deployment, CannedReplies.Parse(requests[0].Body).GetProperty("model").GetString());
    }

    [Fact]
    public async Task WriteAsync_Request_AsksForNarrativeJsonSchema()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson()));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        await writer.WriteAsync(TestIncidents.PhishingRequest());
        var body = CannedReplies.Parse((await server.WaitForRequestsAsync(1, WaitLimit))[0].Body);

        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(NarrativeJsonSchema.Name, format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.DoesNotContain("maxLength", format.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_JsonObjectMode_SetsFormat()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson()));
        var options = WriterFactory.AzureOptions(server);
        options.UseJsonSchema = false;
        var writer = WriterFactory.Create(options);

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());
        var body = CannedReplies.Parse((await server.WaitForRequestsAsync(1, WaitLimit))[0].Body);

        Assert.Equal("json_object", body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.True(narrative.IsAiWritten);
    }

    [Fact]
    public async Task WriteAsync_InvalidJson_FallsBackToTemplate()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion("Here is the narrative: {summary: oops"));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.False(narrative.IsAiWritten);
        Assert.Equal(NarrativeFallbackReason.InvalidJson, narrative.FallbackReason);
        Assert.StartsWith("Incident inc-0001", narrative.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_SchemaViolation_FallsBackWithDetail()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion("""{"summary":"Only a summary.","approved":true}"""));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.Equal(NarrativeFallbackReason.SchemaViolation, narrative.FallbackReason);
        Assert.Contains("schema", narrative.FallbackDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Refusal_FallsBackToTemplate()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(content: null, refusal: "I can't help with that."));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.Equal(NarrativeFallbackReason.Refusal, narrative.FallbackReason);
    }

    [Fact]
    public async Task WriteAsync_ContentFilter400_FallsBack()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.ContentFilterError());
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server, maxRetries: 2));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.False(narrative.IsAiWritten);
        Assert.Equal(NarrativeFallbackReason.ContentFilter, narrative.FallbackReason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task WriteAsync_ContentFilterFinish_FallsBack()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.ContentFilterFinish());
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.False(narrative.IsAiWritten);
        Assert.Equal(NarrativeFallbackReason.ContentFilter, narrative.FallbackReason);
    }

    [Fact]
    public async Task WriteAsync_SlowAnswer_FallsBackAtTimeout()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson(), delay: TimeSpan.FromSeconds(30)));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server, timeout, maxRetries: 2));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.Equal(NarrativeFallbackReason.Timeout, narrative.FallbackReason);
        Assert.InRange(narrative.Latency, timeout, timeout + TimeSpan.FromSeconds(3));
        Assert.InRange(server.Requests.Count, 1, 3);
    }

    [Fact]
    public async Task WriteAsync_ServerErrors_RetriesMaxRetries()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.ServerError());
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server, maxRetries: 1));

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.Equal(NarrativeFallbackReason.TransportError, narrative.FallbackReason);
        Assert.Equal("HTTP 500.", narrative.FallbackDetail);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_CallerCancels_Throws()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson(), delay: TimeSpan.FromSeconds(30)));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));
        using var cancellation = new CancellationTokenSource();

        var write = writer.WriteAsync(TestIncidents.PhishingRequest(), cancellation.Token);
        await server.WaitForRequestsAsync(1, WaitLimit);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
    }

    [Fact]
    public async Task WriteAsync_ServerGone_FallsBack()
    {
        var server = await FakeChatServer.StartAsync();
        var options = WriterFactory.AzureOptions(server);
        await server.DisposeAsync();
        var writer = WriterFactory.Create(options);

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.Equal(NarrativeFallbackReason.TransportError, narrative.FallbackReason);
        Assert.StartsWith("Network error:", narrative.FallbackDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoModel_UsesTemplate()
    {
        var options = new NarrativeOptions();
        var writer = new ChatNarrativeWriter(NarrativeChatClientFactory.Create(options), options, TimeProvider.System, new ListLogger<ChatNarrativeWriter>());

        var narrative = await writer.WriteAsync(TestIncidents.PhishingRequest());

        Assert.False(narrative.IsAiWritten);
        Assert.Equal(NarrativeFallbackReason.NotConfigured, narrative.FallbackReason);
    }

    [Fact]
    public async Task WriteAsync_ValidAnswer_LogsTokensWithoutPrompt()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(CannedReplies.ValidAnswerJson()));
        var logger = new ListLogger<ChatNarrativeWriter> { MinimumLevel = Microsoft.Extensions.Logging.LogLevel.Debug };
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server), logger);

        await writer.WriteAsync(TestIncidents.PhishingRequest());

        var entry = Assert.Single(logger.Entries);
        Assert.Contains("tokens in 812, out 230, total 1042", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("powershell", entry.Message, StringComparison.OrdinalIgnoreCase);
    }
}
