using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Status;

/// <summary>Settings of the investigation status reader, section <c>InvestigationStatus</c>.</summary>
public sealed class InvestigationStatusOptions
{
    public const string SectionName = "InvestigationStatus";

    /// <summary>
    /// Maximum running and pending instances that one stage count reads. Each page of 100 is one query to the
    /// task hub, so the default costs at most 10 queries per health check.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxInstancesCounted { get; set; } = 1000;
}
