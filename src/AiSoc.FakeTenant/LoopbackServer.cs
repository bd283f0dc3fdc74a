using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.FakeTenant;

/// <summary>One request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string RawQuery, IReadOnlyDictionary<string, string> Query, string Body, string? Authorization, DateTimeOffset ReceivedAt)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>
/// An ASP.NET Core app on 127.0.0.1 with a free port that records every request and can respond with 429 or 403 by rule
/// before the fake's own handler runs. It never listens on another address.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, int> throttles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> forbidden = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Status, int Remaining)> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> lostResponses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> errorBodies = new();
    private readonly ConcurrentDictionary<(string Method, string Path), (int Status, string Body)> verbatim = new();
    private readonly object gate = new();
    private bool started;

    /// <summary>Creates the server. Port 0 picks a free port when it starts.</summary>
    protected LoopbackServer(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:51234</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>
    /// The <c>Retry-After</c> value sent with each 429: seconds (<c>1</c>), a decimal (<c>0.4</c>) or an HTTP-date.
    /// Null sends no header.
    /// </summary>
    public string? RetryAfter { get; set; } = "1";

    public async Task StartAsync()
    {
        await app.StartAsync().ConfigureAwait(false);
        started = true;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        if (!BaseAddress.IsLoopback)
        {
            throw new InvalidOperationException($"The fake must listen on loopback only, but listens on {BaseAddress}.");
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/> with 429.</summary>
    public void Throttle(string pathPrefix, int count) => throttles[pathPrefix] = count;

    /// <summary>Answers requests whose path starts with <paramref name="pathPrefix"/> with 403.</summary>
    public void Forbid(string pathPrefix, string code = "Authorization_RequestDenied") => forbidden[pathPrefix] = code;

    /// <summary>Answers the next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/> with <paramref name="status"/>.</summary>
    public void Fail(string pathPrefix, int count, int status = 503) => failures[pathPrefix] = (status, count);

    /// <summary>
    /// Handles the next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/> as usual,
    /// then returns 500 instead of the real response, as when a server crashes after committing the change.
    /// </summary>
    public void LoseResponse(string pathPrefix, int count = 1) => lostResponses[pathPrefix] = count;

    /// <summary>Answers every <paramref name="method"/> request to exactly <paramref name="path"/> with <paramref name="rawJson"/> as it is.</summary>
    public void RespondVerbatim(string method, string path, int status, string rawJson) => verbatim[(method, path)] = (status, rawJson);

    /// <summary>Sends <paramref name="rawJson"/> verbatim as the body of every error response with <paramref name="status"/>.</summary>
    public void UseErrorBody(int status, string rawJson) => errorBodies[status] = rawJson;

    /// <summary>Returns the requests with this method and exactly this path.</summary>
    public IReadOnlyList<RecordedRequest> RequestsAt(string method, string path) =>
        [.. Requests.Where(request => request.Method == method && request.Path == path)];

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
        [.. Requests.Where(request => request.Method == method && request.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await app.StopAsync().ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Handles a request that no rule handled. It runs under a lock, so state changes are serial.</summary>
    protected abstract (int Status, object? Body) Handle(RecordedRequest request);

    /// <summary>Returns the error body this API uses.</summary>
    protected virtual object ErrorBody(string code, string message) => new { error = new { code, message } };

    /// <summary>Returns the OData string literal of <c>name eq '…'</c> in a filter, with doubled quotes undone.</summary>
    protected static string? FilterValue(string? filter, string name)
    {
        if (filter is null)
        {
            return null;
        }

        var prefix = name + " eq '";
        var start = filter.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var value = new StringBuilder();
        for (var i = start + prefix.Length; i < filter.Length; i++)
        {
            if (filter[i] == '\'')
            {
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    value.Append('\'');
                    i++;
                    continue;
                }

                return value.ToString();
            }

            value.Append(filter[i]);
        }

        return null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var query = context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty,
            query, body, context.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow);
        requests.Enqueue(request);

        int status;
        object? payload;
        lock (gate)
        {
            (status, payload) = Answer(request, context);
        }

        context.Response.StatusCode = status;
        if (status >= 400 && errorBodies.TryGetValue(status, out var rawError))
        {
            payload = new RawJson(rawError);
        }

        if (payload is not null)
        {
            context.Response.ContentType = "application/json";
            var text = payload is RawJson raw ? raw.Text : JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);
            await context.Response.WriteAsync(text).ConfigureAwait(false);
        }
    }

    private (int Status, object? Body) Answer(RecordedRequest request, HttpContext context)
    {
        foreach (var (prefix, remaining) in throttles)
        {
            if (remaining > 0 && request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                throttles[prefix] = remaining - 1;
                if (RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = RetryAfter;
                }

                return (429, ErrorBody("TooManyRequests", "Too many requests."));
            }
        }

        if (verbatim.TryGetValue((request.Method, request.Path), out var fixedAnswer))
        {
            return (fixedAnswer.Status, new RawJson(fixedAnswer.Body));
        }

        foreach (var (prefix, (status, remaining)) in failures)
        {
            if (remaining > 0 && request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                failures[prefix] = (status, remaining - 1);
                return (status, ErrorBody("ServiceUnavailable", "The service is temporarily unavailable."));
            }
        }

        foreach (var (prefix, code) in forbidden)
        {
            if (request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (403, ErrorBody(code, "Insufficient privileges to complete the operation."));
            }
        }

        var answer = Handle(request);
        foreach (var (prefix, remaining) in lostResponses)
        {
            if (remaining > 0 && request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                lostResponses[prefix] = remaining - 1;
                return (500, ErrorBody("InternalServerError", "The response was lost after the change was made."));
            }
        }

        return answer;
    }

    /// <summary>A body that is written as it is, without serialization.</summary>
    protected sealed record RawJson(string Text);
}
