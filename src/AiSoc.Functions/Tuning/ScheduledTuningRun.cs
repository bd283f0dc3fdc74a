using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Proposals;
using AiSoc.Core.Tuning.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tuning;

/// <summary>
/// Runs detection tuning over the last <see cref="ScheduledTuningOptions.LookbackDays"/> days with the same
/// analysis as <c>aisoc tune</c>. It reads the case records completed in the period, adds the files under
/// <see cref="ScheduledTuningOptions.OutcomesPath"/> when set, and saves the report and proposals to the
/// <see cref="ITuningRunStore"/>, and to files when <see cref="ScheduledTuningOptions.OutputPath"/> is set.
/// Proposals are never applied automatically.
/// </summary>
public sealed partial class ScheduledTuningRun(
    IOptions<ScheduledTuningOptions> options,
    StoredCaseOutcomes storedCases,
    ITuningRunStore runs,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    ILogger<ScheduledTuningRun> logger)
{
    private static readonly JsonSerializerOptions ProposalsJson = new(OutputJson.Options) { WriteIndented = true };

    /// <summary>Runs once, saves the run and returns it.</summary>
    /// <exception cref="TuningConfigurationException">The tuning configuration file is invalid.</exception>
    /// <exception cref="FileNotFoundException">The outcomes path does not exist.</exception>
    /// <exception cref="OutcomeReadException">A case record file under the outcomes path is invalid.</exception>
    public async Task<TuningRunRecord> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var tuningOptions = string.IsNullOrWhiteSpace(settings.ConfigPath) ? new TuningOptions().Validate() : TuningConfiguration.Load(settings.ConfigPath);
        var since = now.AddDays(-settings.LookbackDays);
        var period = new ReportingPeriod(since, now);

        // The analysis selects alerts by creation time. A case completed in the period may contain alerts created
        // before it, and the analysis leaves those out.
        var (outcomes, skipped) = await storedCases.ReadAsync(since, now, cancellationToken).ConfigureAwait(false);
        var files = LoadFiles(settings, tuningOptions);
        outcomes.AddRange(files.Outcomes);

        var analysis = TuningAnalysis.Run(outcomes, period, new TuningProposer(tuningOptions, timeProvider));
        var report = TuningReportWriter.Render(analysis, files.Files, files.Rejects.Count + skipped);
        var proposals = JsonSerializer.Serialize(new ProposalsDocument
        {
            GeneratedAt = now,
            PeriodStart = analysis.Performance.PeriodStart,
            PeriodEnd = analysis.Performance.PeriodEnd,
            Proposals = analysis.Proposals,
        }, ProposalsJson) + "\n";

        var run = new TuningRunRecord(now, analysis.Performance, report, proposals);
        await runs.SaveAsync(run, cancellationToken).ConfigureAwait(false);
        var folder = WriteFiles(settings, run);

        LogTuningSaved(logger, analysis.Outcomes.Count, analysis.Proposals.Count, now, folder ?? "none");
        return run;
    }

    private OutcomeSet LoadFiles(ScheduledTuningOptions settings, TuningOptions tuningOptions)
    {
        if (string.IsNullOrWhiteSpace(settings.OutcomesPath))
        {
            return new OutcomeSet([], [], []);
        }

        var loader = new OutcomeLoader(loggerFactory)
        {
            AutomationLabels = new HashSet<string>(tuningOptions.AutomationLabels, StringComparer.OrdinalIgnoreCase),
        };
        return loader.Load([settings.OutcomesPath]);
    }

    private static string? WriteFiles(ScheduledTuningOptions settings, TuningRunRecord run)
    {
        if (string.IsNullOrWhiteSpace(settings.OutputPath))
        {
            return null;
        }

        var folder = Path.Combine(settings.OutputPath, run.RunAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "tuning-report.md"), run.ReportMarkdown);
        File.WriteAllText(Path.Combine(folder, "proposals.json"), run.ProposalsJson);
        return folder;
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Tuning run {RunAt} over {AlertCount} alerts saved {ProposalCount} proposals; files written to {Folder}")]
    private static partial void LogTuningSaved(ILogger logger, int alertCount, int proposalCount, DateTimeOffset runAt, string folder);
}
