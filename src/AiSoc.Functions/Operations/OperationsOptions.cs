using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Operations;

/// <summary>Settings of pipeline health, section <c>Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>How often the pipeline health metrics are read from storage while an instance runs.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan HealthRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
