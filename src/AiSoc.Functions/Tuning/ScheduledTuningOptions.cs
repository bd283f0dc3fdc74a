using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Tuning;

/// <summary>Settings of the scheduled tuning run, section <c>Tuning</c>.</summary>
public sealed class ScheduledTuningOptions
{
    public const string SectionName = "Tuning";

    /// <summary>NCRONTAB schedule with seconds; the default runs at 06:00 UTC every Monday.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 6 * * 1";

    /// <summary>Folder or file of case records and labelled exports, the same inputs as <c>aisoc tune</c>.</summary>
    [Required]
    public string OutcomesPath { get; set; } = string.Empty;

    /// <summary>Folder under which each run writes a subfolder named by its UTC start time.</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>Tuning thresholds file (see docs/tuning.md); defaults apply when empty.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>Days of alert creation times each run covers, ending at the run time.</summary>
    [Range(1, 366)]
    public int LookbackDays { get; set; } = 28;
}
