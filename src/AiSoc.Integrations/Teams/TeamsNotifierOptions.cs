namespace AiSoc.Integrations.Teams;

/// <summary>
/// Settings of <see cref="TeamsWorkflowNotifier"/>, section <c>Notifications:Teams</c>. Each URL is the HTTP trigger URL of
/// a Teams workflow built from the template "Post to a channel when a webhook request is received". The URL contains
/// the workflow's signature (<c>sig</c>), so treat it as a secret: keep it in Key Vault or app settings, never in source.
/// </summary>
public sealed class TeamsNotifierOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Notifications:Teams";

    /// <summary>Workflow URL for recipients without an entry in <see cref="Channels"/>. Required.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// Workflow URLs by notice recipient, such as <c>Notifications:Teams:Channels:soc-tier2</c>, so each role's notices reach
    /// its own channel. Recipient names match without regard to case.
    /// </summary>
    public Dictionary<string, Uri> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time limit of one POST attempt (more than zero, at most five minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, a 5xx, a failed connection or a timed-out attempt (0 to 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait of the exponential backoff when a response has no <c>Retry-After</c>. Each retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Maximum wait before one retry. A response whose <c>Retry-After</c> requests more fails the notice at once, so the
    /// Durable Task activity retry takes over instead of holding the activity.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Returns the workflow URL for <paramref name="recipient"/>: its channel entry, or else <see cref="WebhookUrl"/>.</summary>
    internal Uri UrlFor(string recipient) =>
        Channels.TryGetValue(recipient, out var channel) ? channel
        : WebhookUrl ?? throw new InvalidOperationException($"{SectionName}:WebhookUrl is missing.");
}
