using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSoc.Narratives.Tests.Support;

/// <summary>
/// A chat completions server on 127.0.0.1 with a port chosen by the system. It serves the Azure OpenAI paths
/// (<c>/openai/deployments/{deployment}/chat/completions</c>, <c>/openai/v1/chat/completions</c>) and the OpenAI path
/// (<c>/v1/chat/completions</c>), answers from a queue of canned replies, and records every request.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly ConcurrentQueue<FakeReply> _replies = new();

    private readonly List<RecordedRequest> _requests = [];

    private readonly SemaphoreSlim _received = new(0);

    private FakeReply? _lastReply;

    private FakeChatServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The server's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A snapshot of the requests received so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        var server = new FakeChatServer(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        app.MapPost("/v1/chat/completions", server.HandleAsync);

        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Queues replies in order; the last reply is repeated once the queue is empty.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (Requests.Count < count)
        {
            await _received.WaitAsync(cancellation.Token);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _received.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            body);

        lock (_requests)
        {
            _requests.Add(request);
        }

        _received.Release();

        var reply = NextReply();
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private FakeReply NextReply()
    {
        lock (_replies)
        {
            if (_replies.TryDequeue(out var reply))
            {
                _lastReply = reply;
            }

            return _lastReply ?? new FakeReply(500, """{"error":{"message":"No reply queued.","code":"test_setup"}}""");
        }
    }
}
