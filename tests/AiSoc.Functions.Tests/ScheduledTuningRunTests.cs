using System.Text.Json;
using AiSoc.Core.Tuning.Reports;
using AiSoc.Functions.Tests.Support;
using AiSoc.Functions.Tuning;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

public sealed class ScheduledTuningRunTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly string _output = Path.Combine(Path.GetTempPath(), "aisoc-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryCaseRecordSink _cases = new();
    private readonly InMemoryInvestigationStore _incidents = new();
    private readonly InMemoryTuningRunStore _runs = new();

    [Fact]
    public async Task Run_StoredCases_SavesRunWithDetectorStatistics()
    {
        await StoreCaseAsync("in-1", completedAt: Now.AddDays(-2));
        var run = Create(new ScheduledTuningOptions());

        var saved = await run.RunAsync(CancellationToken.None);

        Assert.Same(saved, Assert.Single(_runs.Runs));
        var detector = Assert.Single(saved.Performance.Detectors);
        Assert.Equal(StoredCases.DetectorId, detector.DetectorId);
        Assert.Equal(1, detector.Alerts);
        Assert.Equal(1, detector.TruePositives);
        Assert.Contains("1 alerts in 1 cases", saved.ReportMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoOutputPath_WritesNoFiles()
    {
        await StoreCaseAsync("in-1", completedAt: Now.AddDays(-2));
        var run = Create(new ScheduledTuningOptions());

        await run.RunAsync(CancellationToken.None);

        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public async Task Run_CaseCompletedBeforePeriod_IsNotRead()
    {
        await StoreCaseAsync("in-old", completedAt: Now.AddDays(-40));
        var run = Create(new ScheduledTuningOptions());

        var saved = await run.RunAsync(CancellationToken.None);

        Assert.Empty(saved.Performance.Detectors);
    }

    [Fact]
    public async Task Run_IncidentMissing_SkipsCaseAndCountsIt()
    {
        await _cases.WriteAsync(StoredCases.Record("in-gone", Now.AddDays(-1)), "report");
        await _cases.WriteAsync(StoredCases.Record("in-no-key", Now.AddDays(-1), triageKey: null), "report");
        var run = Create(new ScheduledTuningOptions());

        var saved = await run.RunAsync(CancellationToken.None);

        Assert.Empty(saved.Performance.Detectors);
        Assert.Contains("2 rejected records", saved.ReportMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutcomesAndOutputPaths_AddsFilesAndWritesThem()
    {
        await StoreCaseAsync("in-1", completedAt: Now.AddDays(-2));
        var run = Create(new ScheduledTuningOptions { OutcomesPath = RepositoryFiles.PathOf("samples/labelled"), OutputPath = _output, LookbackDays = 366 });

        var saved = await run.RunAsync(CancellationToken.None);

        var folder = Path.Combine(_output, "20261201T060000Z");
        Assert.Equal(saved.ReportMarkdown, await File.ReadAllTextAsync(Path.Combine(folder, "tuning-report.md")));
        Assert.NotNull(ProposalsDocument.Read(Path.Combine(folder, "proposals.json")));
        Assert.True(saved.Performance.Detectors.Count > 1);
    }

    [Fact]
    public async Task Run_Lookback_SetsPeriodEndingAtRunTime()
    {
        var run = Create(new ScheduledTuningOptions { LookbackDays = 7 });

        var saved = await run.RunAsync(CancellationToken.None);

        using var proposals = JsonDocument.Parse(saved.ProposalsJson);
        Assert.Equal(Now.AddDays(-7), proposals.RootElement.GetProperty("periodStart").GetDateTimeOffset());
        Assert.Equal(Now, proposals.RootElement.GetProperty("periodEnd").GetDateTimeOffset());
    }

    [Fact]
    public void Validator_MissingOutcomesPath_NamesSettingAndPath()
    {
        var options = new ScheduledTuningOptions { OutcomesPath = Path.Combine(_output, "missing") };

        var result = new ScheduledTuningOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Tuning:OutcomesPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(options.OutcomesPath, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_NoPaths_Succeeds()
    {
        var result = new ScheduledTuningOptionsValidator().Validate(null, new ScheduledTuningOptions());

        Assert.True(result.Succeeded);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private async Task StoreCaseAsync(string incidentId, DateTimeOffset completedAt)
    {
        await _incidents.SaveAsync(StoredCases.TriageKey, StoredCases.Incident(incidentId, completedAt.AddHours(-1)));
        await _cases.WriteAsync(StoredCases.Record(incidentId, completedAt), "report");
    }

    private ScheduledTuningRun Create(ScheduledTuningOptions options) => new(
        Options.Create(options),
        new StoredCaseOutcomes(_cases, _incidents, NullLogger<StoredCaseOutcomes>.Instance),
        _runs,
        NullLoggerFactory.Instance,
        new FakeTimeProvider(Now),
        NullLogger<ScheduledTuningRun>.Instance);
}
