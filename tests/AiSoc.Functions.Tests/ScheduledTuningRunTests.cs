using AiSoc.Core.Tuning.Reports;
using AiSoc.Functions.Tests.Support;
using AiSoc.Functions.Tuning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

public sealed class ScheduledTuningRunTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "aisoc-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Run_LabelledSamples_WritesReportAndProposals()
    {
        var run = Create(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), lookbackDays: 366);

        var folder = run.Run();

        Assert.Equal(Path.Combine(_output, "20261201T060000Z"), folder);
        Assert.True(File.Exists(Path.Combine(folder, "tuning-report.md")));
        Assert.NotNull(ProposalsDocument.Read(Path.Combine(folder, "proposals.json")));
    }

    [Fact]
    public void Run_Lookback_SetsPeriodEndingAtRunTime()
    {
        var now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var run = Create(now, lookbackDays: 7);

        var document = ProposalsDocument.Read(Path.Combine(run.Run(), "proposals.json"));

        Assert.Equal(now.AddDays(-7), document.PeriodStart);
        Assert.Equal(now, document.PeriodEnd);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private ScheduledTuningRun Create(DateTimeOffset now, int lookbackDays) => new(
        Options.Create(new ScheduledTuningOptions
        {
            OutcomesPath = RepositoryFiles.PathOf("samples/labelled"),
            OutputPath = _output,
            LookbackDays = lookbackDays,
        }),
        NullLoggerFactory.Instance,
        new FakeTimeProvider(now),
        NullLogger<ScheduledTuningRun>.Instance);
}
