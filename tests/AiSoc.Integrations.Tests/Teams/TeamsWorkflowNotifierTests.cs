using System.Net;
using System.Text.Json;
using AiSoc.Integrations.Teams;
using AiSoc.Investigations.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Tests.Teams;

/// <summary><see cref="TeamsWorkflowNotifier"/>, registered with <see cref="TeamsNotifierServices.AddTeamsNotifier"/>, against a loopback workflow server.</summary>
public sealed class TeamsWorkflowNotifierTests : IAsyncLifetime, IDisposable
{
    private const string DefaultWorkflow = "default-flow";
    private const string TierTwoWorkflow = "tier2-flow";

    // Indented like the approval card builder's output, so a re-serialized card would differ in its text.
    private const string ApprovalCard = """
        {
          "type": "AdaptiveCard",
          "version": "1.5",
          "body": [
            {
              "type": "TextBlock",
              "text": "Approval needed: Impossible travel \u00e9 \\[x\\]",
              "wrap": true
            }
          ],
          "actions": [
            {
              "type": "Action.OpenUrl",
              "title": "Review and decide",
              "url": "https://aisoc.example.com/approvals/appr-1"
            }
          ]
        }
        """;

    private readonly TeamsWorkflowServer server = new();
    private readonly CapturingLoggerProvider logs = new();

    public Task InitializeAsync() => server.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => logs.Dispose();

    [Fact]
    public async Task Notify_ApprovalCard_PostsCardUnchanged()
    {
        var notifier = CreateNotifier();

        await notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard));

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(ApprovalCard, body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetRawText());
    }

    [Fact]
    public async Task Notify_ApprovalCard_SendsWorkflowMessageEnvelope()
    {
        var notifier = CreateNotifier();

        await notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard));

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var attachment = Assert.Single(body.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
    }

    [Fact]
    public async Task Notify_RecipientWithChannel_PostsToChannelUrl()
    {
        var notifier = CreateNotifier();

        await notifier.NotifyAsync(Notice("SOC-Tier2", ApprovalCard));

        Assert.Single(server.RequestsAt("POST", TeamsWorkflowServer.PathOf(TierTwoWorkflow)));
        Assert.Empty(server.RequestsAt("POST", TeamsWorkflowServer.PathOf(DefaultWorkflow)));
    }

    [Fact]
    public async Task Notify_RecipientWithoutChannel_PostsToDefaultUrl()
    {
        var notifier = CreateNotifier();

        await notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard));

        var request = Assert.Single(server.RequestsAt("POST", TeamsWorkflowServer.PathOf(DefaultWorkflow)));
        Assert.Equal(TeamsWorkflowServer.Signature, request.Query["sig"]);
    }

    [Fact]
    public async Task Notify_Throttled_RetriesAfterRetryAfter()
    {
        server.RetryAfter = "1";
        server.Throttle(TeamsWorkflowServer.PathOf(DefaultWorkflow), 1);
        var notifier = CreateNotifier();

        await notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard));

        var attempts = server.RequestsAt("POST", TeamsWorkflowServer.PathOf(DefaultWorkflow));
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"Retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}.");
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task Notify_ServerErrorThenAccepted_Retries()
    {
        server.Fail(TeamsWorkflowServer.PathOf(DefaultWorkflow), 1, 502);
        var notifier = CreateNotifier();

        await notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard));

        Assert.Equal(2, server.RequestsAt("POST", TeamsWorkflowServer.PathOf(DefaultWorkflow)).Count);
    }

    [Fact]
    public async Task Notify_UnavailableEveryAttempt_ThrowsAfterRetries()
    {
        server.Fail(TeamsWorkflowServer.PathOf(DefaultWorkflow), 10, 503);
        var notifier = CreateNotifier();

        var error = await Assert.ThrowsAsync<TeamsNotificationException>(() => notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, server.RequestsAt("POST", TeamsWorkflowServer.PathOf(DefaultWorkflow)).Count);
        Assert.Contains("investigation inv-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_NotFound_ThrowsWithoutRetry()
    {
        server.Status = 404;
        var notifier = CreateNotifier();

        var error = await Assert.ThrowsAsync<TeamsNotificationException>(() => notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Notify_OtherSuccessStatus_ThrowsNotAccepted()
    {
        server.Status = 204;
        var notifier = CreateNotifier();

        var error = await Assert.ThrowsAsync<TeamsNotificationException>(() => notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard)));

        Assert.Equal(HttpStatusCode.NoContent, error.StatusCode);
    }

    [Fact]
    public async Task Notify_Failure_HidesWebhookUrl()
    {
        server.Throttle(TeamsWorkflowServer.PathOf(TierTwoWorkflow), 1);
        server.Fail(TeamsWorkflowServer.PathOf(TierTwoWorkflow), 10, 500);
        var notifier = CreateNotifier();

        var error = await Assert.ThrowsAsync<TeamsNotificationException>(() => notifier.NotifyAsync(Notice("soc-tier2", ApprovalCard)));

        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { TeamsWorkflowServer.Signature, "/workflows/", server.BaseAddress.Authority })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Notify_ConnectionRefused_HidesWebhookUrl()
    {
        var port = server.BaseAddress.Port;
        await server.DisposeAsync();
        var notifier = CreateNotifier(configure: values => values["Notifications:Teams:MaxRetries"] = "0", port: port);

        var error = await Assert.ThrowsAsync<TeamsNotificationException>(() => notifier.NotifyAsync(Notice("soc-tier1", ApprovalCard)));

        Assert.Null(error.StatusCode);
        Assert.DoesNotContain(TeamsWorkflowServer.Signature, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(TeamsWorkflowServer.Signature, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_NoCard_PostsPlainTextCard()
    {
        var notifier = CreateNotifier();
        var notice = Notice("soc-tier1", card: null) with
        {
            Kind = NoticeKind.ApprovalExpired,
            Message = "Expired. [Open](https://evil.example.com/x) <b>now</b>",
        };

        await notifier.NotifyAsync(notice);

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var card = body.RootElement.GetProperty("attachments")[0].GetProperty("content");
        var texts = card.GetProperty("body").EnumerateArray().Select(block => block.GetProperty("text").GetString()!).ToList();
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.False(card.TryGetProperty("actions", out _), "A text card must have no actions.");
        Assert.Equal("Approval expired: no action was taken", texts[0]);
        Assert.Contains(texts, text => text.StartsWith("Expired.", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("https://", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("](", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("<b>", StringComparison.Ordinal));
        Assert.Contains("Investigation: inv-7", texts, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Notify_CardNotJsonObject_ThrowsNamingNotice()
    {
        var notifier = CreateNotifier();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => notifier.NotifyAsync(Notice("soc-tier1", "[1, 2")));

        Assert.Equal("The Adaptive Card of the ApprovalRequested notice for investigation inv-7, approval appr-1, is not a JSON object.", error.Message);
        Assert.Empty(server.Requests);
    }

    private TeamsWorkflowNotifier CreateNotifier(Action<Dictionary<string, string?>>? configure = null, int? port = null)
    {
        var root = port is { } closedPort ? new Uri($"http://127.0.0.1:{closedPort}") : server.BaseAddress;
        var values = new Dictionary<string, string?>
        {
            ["Notifications:Teams:WebhookUrl"] = Rebase(server.WorkflowUrl(DefaultWorkflow), root),
            ["Notifications:Teams:Channels:soc-tier2"] = Rebase(server.WorkflowUrl(TierTwoWorkflow), root),
            ["Notifications:Teams:MaxRetries"] = "2",
            ["Notifications:Teams:RetryBaseDelay"] = "00:00:00.050",
            ["Notifications:Teams:Timeout"] = "00:00:10",
        };
        configure?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddTeamsNotifier(configuration);
        var provider = services.BuildServiceProvider(validateScopes: true);
        return Assert.IsType<TeamsWorkflowNotifier>(provider.GetRequiredService<INotifier>());
    }

    private static string Rebase(Uri url, Uri root) => new Uri(root, url.PathAndQuery).ToString();

    private static InvestigationNotice Notice(string recipient, string? card) =>
        new(NoticeKind.ApprovalRequested, "inv-7", "appr-1", recipient, "Approve isolating the device.", "plan-hash", card);
}
