namespace AiSoc.Integrations;

/// <summary>Settings of the Defender for Endpoint API client.</summary>
public sealed class DefenderOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Integrations:Defender";

    /// <summary>API root without the <c>/api</c> segment, such as <c>https://api.security.microsoft.com</c> or a regional host.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.security.microsoft.com");

    /// <summary>OAuth scope requested from the credential.</summary>
    public string Scope { get; set; } = "https://api.securitycenter.microsoft.com/.default";

    /// <summary>Maximum number of retries of one request after a 429 or 503 response.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait of the capped exponential backoff (with jitter) used when a response has no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest wait before one retry. A response whose <c>Retry-After</c> asks for more is not retried, because a
    /// retry must never come before that time.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Isolation type sent with an isolation: <c>Full</c> or <c>Selective</c> (Selective keeps Outlook, Teams and Skype working).</summary>
    public string IsolationType { get; set; } = "Full";

    /// <summary>Antivirus scan type: <c>Quick</c> or <c>Full</c>.</summary>
    public string ScanType { get; set; } = "Quick";

    /// <summary>Indicator action for blocked entities: <c>Block</c> (files: <c>BlockAndRemediate</c>) or <c>Alert</c>.</summary>
    public string IndicatorAction { get; set; } = "Block";

    /// <summary>How long a submitted indicator stays in force.</summary>
    public TimeSpan IndicatorLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Maximum number of indicators a tenant holds; Defender for Endpoint documents 15,000.</summary>
    public int MaxTenantIndicators { get; set; } = 15_000;

    /// <summary>Maximum number of devices on which one stop-and-quarantine action runs; more is left to a person.</summary>
    public int MaxQuarantineDevices { get; set; } = 10;
}
