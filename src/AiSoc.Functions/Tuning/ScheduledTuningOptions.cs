using System.ComponentModel.DataAnnotations;

namespace AiSoc.Functions.Tuning;

/// <summary>Settings of the scheduled tuning run, section <c>Tuning</c>.</summary>
public sealed class ScheduledTuningOptions
{
    public const string SectionName = "Tuning";

    /// <summary>NCRONTAB schedule with seconds; the default runs at 06:00 UTC every Monday.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 6 * * 1";

    /// <summary>
    /// Optional folder or file of labelled exports and case record files, the same inputs as <c>aisoc tune</c>,
    /// read in addition to the case records in the case record store.
    /// </summary>
    public string? OutcomesPath { get; set; }

    /// <summary>
    /// Optional folder under which each run also writes <c>tuning-report.md</c> and <c>proposals.json</c> in a
    /// subfolder named by its UTC start time. Every run is saved to the tuning run store either way.
    /// </summary>
    public string? OutputPath { get; set; }

    /// <summary>Tuning thresholds file (see docs/tuning.md); defaults apply when empty.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>Days of alert creation times each run covers, ending at the run time.</summary>
    [Range(1, 366)]
    public int LookbackDays { get; set; } = 28;
}
