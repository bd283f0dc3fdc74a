using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Graph;

/// <summary>Settings of the Graph security poller, section <c>GraphPolling</c>.</summary>
public sealed class GraphPollingOptions
{
    public const string SectionName = "GraphPolling";

    /// <summary>NCRONTAB schedule of the timer, six fields with seconds; the default polls every five minutes.</summary>
    [Required]
    public string Schedule { get; set; } = "0 */5 * * * *";

    /// <summary>
    /// How far before the stored watermark each poll starts, because Graph can publish an item whose
    /// <c>lastUpdateDateTime</c> is earlier than items already read. Re-read items collapse in the alert store.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the first poll reads when no watermark is stored yet.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Items requested per page (<c>$top</c>). Graph may return fewer and links the rest with <c>@odata.nextLink</c>,
    /// so this sets the request size, not how many items a poll reads.
    /// </summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 50;
}
