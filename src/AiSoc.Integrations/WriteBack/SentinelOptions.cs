namespace AiSoc.Integrations.WriteBack;

/// <summary>Settings of the Microsoft Sentinel write-back through Azure Resource Manager.</summary>
public sealed class SentinelOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Integrations:Sentinel";

    /// <summary>ARM root: <c>https://management.azure.com</c>, a sovereign cloud such as <c>https://management.usgovcloudapi.net</c>, or a loopback fake.</summary>
    public Uri ArmBaseAddress { get; set; } = new("https://management.azure.com");

    /// <summary>
    /// ARM id of the Log Analytics workspace whose incidents AiSoc reads, such as
    /// <c>/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}</c>.
    /// The incident reader rejects an incident of any other workspace. Required by the incident intake only.
    /// </summary>
    public string? WorkspaceResourceId { get; set; }

    /// <summary>OAuth scope requested from the credential.</summary>
    public string Scope { get; set; } = "https://management.azure.com/.default";

    /// <summary>The <c>Microsoft.SecurityInsights</c> api-version sent with every call.</summary>
    public string ApiVersion { get; set; } = "2024-09-01";

    /// <summary>True to let AiSoc set an incident's status (New, Active or Closed).</summary>
    public bool AllowStatusUpdate { get; set; }

    /// <summary>True to let AiSoc set an incident's classification and classification reason.</summary>
    public bool AllowClassificationUpdate { get; set; }

    /// <summary>True to let AiSoc set an incident's owner.</summary>
    public bool AllowOwnerUpdate { get; set; }

    /// <summary>True to let AiSoc add labels to an incident. Existing labels are always kept.</summary>
    public bool AllowLabelUpdate { get; set; }

    /// <summary>Maximum number of retries of one request after a 429, or a 5xx on a GET or PUT.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait of the backoff used when a response has no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait before one retry. A response whose <c>Retry-After</c> requests more is not retried.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
