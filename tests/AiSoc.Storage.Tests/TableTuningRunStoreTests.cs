using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Schema;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Performance;
using Azure.Data.Tables;

namespace AiSoc.Storage.Tests;

public sealed class TableTuningRunStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset FirstRun = new(2026, 11, 30, 6, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task GetLatest_NoRuns_ReturnsNull()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));

        var latest = await store.GetLatestAsync();

        Assert.Null(latest);
    }

    [Fact]
    public async Task GetLatest_SeveralRuns_ReturnsNewest()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));
        await store.SaveAsync(Run(FirstRun.AddDays(7), "rule-a"));
        await store.SaveAsync(Run(FirstRun, "rule-a"));
        await store.SaveAsync(Run(FirstRun.AddDays(14), "rule-a", "rule-b"));

        var latest = await store.GetLatestAsync();

        Assert.Equal(FirstRun.AddDays(14), latest!.RunAt);
        Assert.Equal(2, latest.Performance.Detectors.Count);
    }

    [Fact]
    public async Task Save_Run_RoundTrips()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));
        var run = Run(FirstRun, "rule-a", "rule-b") with { ReportMarkdown = LongText("report"), ProposalsJson = "{\"proposals\":[]}" };

        await store.SaveAsync(run);
        var latest = await store.GetLatestAsync();

        Assert.Equal(run.RunAt, latest!.RunAt);
        Assert.Equal(Json(run.Performance), Json(latest.Performance));
        Assert.Equal(run.ReportMarkdown, latest.ReportMarkdown);
        Assert.Equal(run.ProposalsJson, latest.ProposalsJson);
    }

    [Fact]
    public async Task Save_RunOverOneEntity_ThrowsNamingRun()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));
        var run = Run(FirstRun, "rule-a") with { ReportMarkdown = new string('r', 300_000), ProposalsJson = new string('p', 300_000) };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.SaveAsync(run));

        Assert.Contains("2026-11-30T06:00:00.1230000+00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectorHistory_ReturnsNewestFirstUpToMax()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));
        for (var week = 0; week < 4; week++)
        {
            await store.SaveAsync(Run(FirstRun.AddDays(7 * week), "rule-a", "rule-b"));
        }

        var history = await store.GetDetectorHistoryAsync("rule-a", maxRuns: 3);

        Assert.Equal([FirstRun.AddDays(21), FirstRun.AddDays(14), FirstRun.AddDays(7)], history.Select(entry => entry.RunAt));
        Assert.All(history, entry => Assert.Equal("rule-a", entry.Performance.DetectorId));
        Assert.Equal(FirstRun.AddDays(14), history[0].PeriodStart);
    }

    [Fact]
    public async Task DetectorHistory_IdsWithReservedCharacters_StaySeparate()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));
        await store.SaveAsync(Run(FirstRun, "rules/a", "rules_a", "rules?a"));

        var slash = await store.GetDetectorHistoryAsync("rules/a", maxRuns: 5);
        var underscore = await store.GetDetectorHistoryAsync("rules_a", maxRuns: 5);

        Assert.Equal("rules/a", Assert.Single(slash).Performance.DetectorId);
        Assert.Equal("rules_a", Assert.Single(underscore).Performance.DetectorId);
    }

    [Fact]
    public async Task Save_SameRun_RemovesDroppedDetectors()
    {
        var table = await tables.CreateTableAsync("tuning");
        var store = new TableTuningRunStore(table);
        await store.SaveAsync(Run(FirstRun, "rule-a", "rule-b"));

        await store.SaveAsync(Run(FirstRun, "rule-a") with { ReportMarkdown = "second" });
        var latest = await store.GetLatestAsync();
        var dropped = await store.GetDetectorHistoryAsync("rule-b", maxRuns: 5);
        var runRows = table.Query<TableEntity>(entity => entity.PartitionKey == "run").ToList();

        Assert.Equal("second", latest!.ReportMarkdown);
        Assert.Single(runRows);
        Assert.Empty(dropped);
    }

    [Fact]
    public async Task DetectorHistory_UnknownDetector_ReturnsEmpty()
    {
        var store = new TableTuningRunStore(await tables.CreateTableAsync("tuning"));
        await store.SaveAsync(Run(FirstRun, "rule-a"));

        var history = await store.GetDetectorHistoryAsync("rule-z", maxRuns: 5);

        Assert.Empty(history);
    }

    [Fact]
    public void ReverseTime_NewerRun_SortsFirst()
    {
        var older = TableTuningRunStore.ReverseTime(FirstRun);
        var newer = TableTuningRunStore.ReverseTime(FirstRun.AddTicks(1));

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(19, older.Length);
    }

    private static string Json(DetectionPerformance performance) => JsonSerializer.Serialize(performance, OutputJson.Options);

    private static string LongText(string word) => string.Concat(Enumerable.Repeat(word + " line\n", 8_000));

    private static TuningRunRecord Run(DateTimeOffset runAt, params string[] detectorIds)
    {
        var detectors = detectorIds.Select(id => new DetectorPerformance
        {
            DetectorId = id,
            Alerts = 12,
            TruePositives = 3,
            BenignPositives = 2,
            FalsePositives = 5,
            AutomationVerdicts = 1,
            MeanTimeToTriage = TimeSpan.FromMinutes(42),
            AutoClosedShare = 0.25,
            EscalatedShare = 0.5,
            TypicalSeverity = Severity.Medium,
            Techniques = ["T1078"],
            Trend = [new WeeklyTrendPoint(new DateOnly(2026, 11, 23), 12, 10, 3)],
        }).ToList();
        return new TuningRunRecord(runAt, new DetectionPerformance(runAt.AddDays(-7), runAt, detectors), "# Tuning report", "{\"proposals\":[]}");
    }
}
