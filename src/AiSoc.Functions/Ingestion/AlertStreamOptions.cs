using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Ingestion;

/// <summary>Settings of the alert stream trigger, section <c>AlertStream</c>.</summary>
public sealed class AlertStreamOptions
{
    public const string SectionName = "AlertStream";

    /// <summary>Event hub the trigger reads; also the source name of its dead letters.</summary>
    [Required]
    public string EventHubName { get; set; } = string.Empty;

    /// <summary>Consumer group of the trigger; the host's default is <c>$Default</c>.</summary>
    [Required]
    public string ConsumerGroup { get; set; } = "$Default";
}
