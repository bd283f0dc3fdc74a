using System.Globalization;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Proposals;
using AiSoc.Core.Tuning.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tuning;

/// <summary>
/// Runs detection tuning over the last <see cref="ScheduledTuningOptions.LookbackDays"/> days with the same steps
/// as <c>aisoc tune</c>: <see cref="OutcomeLoader"/>, <see cref="TuningAnalysis.Run"/>, then
/// <c>tuning-report.md</c> and <c>proposals.json</c> for review. Proposals are never applied automatically.
/// </summary>
public sealed partial class ScheduledTuningRun(
    IOptions<ScheduledTuningOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    ILogger<ScheduledTuningRun> logger)
{
    /// <summary>Runs once and returns the folder it wrote.</summary>
    /// <exception cref="TuningConfigurationException">The tuning configuration file is invalid.</exception>
    /// <exception cref="FileNotFoundException">The outcomes path does not exist.</exception>
    public string Run()
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var tuningOptions = string.IsNullOrWhiteSpace(settings.ConfigPath) ? new TuningOptions().Validate() : TuningConfiguration.Load(settings.ConfigPath);

        var loader = new OutcomeLoader(loggerFactory)
        {
            AutomationLabels = new HashSet<string>(tuningOptions.AutomationLabels, StringComparer.OrdinalIgnoreCase),
        };
        var outcomes = loader.Load([settings.OutcomesPath]);

        var period = new ReportingPeriod(now.AddDays(-settings.LookbackDays), now);
        var analysis = TuningAnalysis.Run(outcomes.Outcomes, period, new TuningProposer(tuningOptions, timeProvider));

        var folder = Path.Combine(settings.OutputPath, now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "tuning-report.md"), TuningReportWriter.Render(analysis, outcomes.Files, outcomes.Rejects.Count));
        new ProposalsDocument
        {
            GeneratedAt = now,
            PeriodStart = analysis.Performance.PeriodStart,
            PeriodEnd = analysis.Performance.PeriodEnd,
            Proposals = analysis.Proposals,
        }.Write(Path.Combine(folder, "proposals.json"));

        LogTuningWritten(logger, analysis.Outcomes.Count, analysis.Proposals.Count, folder);
        return folder;
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Tuning run over {AlertCount} alerts wrote {ProposalCount} proposals to {Folder}")]
    private static partial void LogTuningWritten(ILogger logger, int alertCount, int proposalCount, string folder);
}
