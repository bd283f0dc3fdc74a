namespace AiSoc.Integrations;

/// <summary>Settings of the Microsoft Graph client.</summary>
public sealed class GraphOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Integrations:Graph";

    /// <summary>Service root including the version segment, such as <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>OAuth scope requested from the credential; the application permissions come with the <c>.default</c> scope.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>Maximum number of retries of one request after a 429, 503 or 504 response (the Graph SDK allows at most 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait in seconds of the Graph SDK's exponential backoff when a response has no <c>Retry-After</c> (1 to 180).</summary>
    public int RetryDelaySeconds { get; set; } = 3;

    /// <summary>Longest <c>Retry-After</c> in seconds that is waited for; a response asking for more is not retried.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 60;

    /// <summary>Maximum number of sign-ins and risk detections fetched per user.</summary>
    public int MaxRecentItems { get; set; } = 10;
}
