using System.Text.Json;
using AiSoc.Approvals;
using AiSoc.Core.Output;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Investigations;
using Azure.Data.Tables;

namespace AiSoc.Storage.Tests;

public sealed class TableCaseRecordStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Completed = new(2026, 12, 4, 9, 30, 15, 250, TimeSpan.Zero);

    [Fact]
    public async Task Write_Case_RoundTripsRecordAndReport()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));
        var record = Record("inv-1", Completed);

        await store.WriteAsync(record, "# Case inv-1\n\nContained the account.");
        var loaded = await store.GetAsync("inv-1");

        Assert.NotNull(loaded);
        Assert.Equal(Json(record), Json(loaded.Record));
        Assert.Equal("# Case inv-1\n\nContained the account.", loaded.MarkdownReport);
    }

    [Fact]
    public async Task Write_LongReport_SplitsAndRoundTrips()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));
        var report = string.Concat(Enumerable.Range(0, 4_000).Select(line => $"- evidence line {line}\n"));

        await store.WriteAsync(Record("inv-1", Completed), report);
        var loaded = await store.GetAsync("inv-1");

        Assert.True(report.Length > 32_768);
        Assert.Equal(report, loaded!.MarkdownReport);
    }

    [Fact]
    public async Task Write_ReportOverOneEntity_ThrowsNamingInvestigation()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.WriteAsync(Record("inv-big", Completed), new string('r', 600_000)));

        Assert.Contains("inv-big", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownInvestigation_ReturnsNull()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));

        var loaded = await store.GetAsync("inv-missing");

        Assert.Null(loaded);
    }

    [Fact]
    public async Task List_Period_ReturnsCasesInOrder()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));
        await store.WriteAsync(Record("inv-before", Completed.AddDays(-3)), "r");
        await store.WriteAsync(Record("inv-day2", Completed.AddDays(1)), "r");
        await store.WriteAsync(Record("inv-start", Completed), "r");
        await store.WriteAsync(Record("inv-end", Completed.AddDays(2)), "r");

        var listed = await ListAsync(store, Completed, Completed.AddDays(2));

        Assert.Equal(["inv-start", "inv-day2"], listed);
    }

    [Fact]
    public async Task List_BoundsInsideOneSecond_AreExact()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));
        await store.WriteAsync(Record("inv-early", Completed.AddMilliseconds(-100)), "r");
        await store.WriteAsync(Record("inv-on", Completed), "r");
        await store.WriteAsync(Record("inv-late", Completed.AddMilliseconds(100)), "r");

        var listed = await ListAsync(store, Completed, Completed.AddMilliseconds(100));

        Assert.Equal(["inv-on"], listed);
    }

    [Fact]
    public async Task List_QueriesOnlyIndexPartitions()
    {
        var table = await tables.CreateTableAsync("cases");
        var store = new TableCaseRecordStore(table);
        await store.WriteAsync(Record("inv-1", Completed), "r");

        var index = table.Query<TableEntity>(entity => entity.PartitionKey == "completed-20261204").ToList();

        Assert.Single(index);
        Assert.Equal("20261204T093015Z-inv-1", index[0].RowKey);
    }

    [Fact]
    public async Task Write_Again_MovesIndexRow()
    {
        var table = await tables.CreateTableAsync("cases");
        var store = new TableCaseRecordStore(table);
        await store.WriteAsync(Record("inv-1", Completed), "first");

        await store.WriteAsync(Record("inv-1", Completed.AddDays(1)), "second");
        var oldDay = await ListAsync(store, DayStart(0), DayStart(1));
        var newDay = await ListAsync(store, DayStart(1), DayStart(2));
        var indexRows = table.Query<TableEntity>(entity => entity.PartitionKey.CompareTo("completed-") >= 0 && entity.PartitionKey.CompareTo("completed.") < 0).ToList();

        Assert.Empty(oldDay);
        Assert.Equal(["inv-1"], newDay);
        Assert.Single(indexRows);
        Assert.Equal("second", (await store.GetAsync("inv-1"))!.MarkdownReport);
    }

    [Fact]
    public async Task Write_ParallelRewrites_LeaveOneIndexRow()
    {
        var table = await tables.CreateTableAsync("cases");
        var store = new TableCaseRecordStore(table);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(day => Task.Run(() => store.WriteAsync(Record("inv-1", Completed.AddDays(day)), $"v{day}"))));
        var stored = await store.GetAsync("inv-1");
        var indexRows = table.Query<TableEntity>(entity => entity.PartitionKey.CompareTo("completed-") >= 0 && entity.PartitionKey.CompareTo("completed.") < 0).ToList();

        Assert.Single(indexRows);
        Assert.Equal(stored!.Record.CompletedAt, indexRows[0].GetDateTimeOffset("CompletedAt"));
    }

    [Fact]
    public async Task List_PeriodOverMaximum_Throws()
    {
        var store = new TableCaseRecordStore(await tables.CreateTableAsync("cases"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(store, Completed, Completed.AddDays(TableCaseRecordStore.MaxListDays + 1)));
    }

    private static async Task<List<string>> ListAsync(TableCaseRecordStore store, DateTimeOffset from, DateTimeOffset before)
    {
        var ids = new List<string>();
        await foreach (var record in store.ListCompletedAsync(from, before))
        {
            ids.Add(record.InvestigationId);
        }

        return ids;
    }

    private static DateTimeOffset DayStart(int daysAfterCompleted) =>
        new DateTimeOffset(Completed.UtcDateTime.Date, TimeSpan.Zero).AddDays(daysAfterCompleted);

    private static string Json(CaseRecord record) => JsonSerializer.Serialize(record, OutputJson.Options);

    private static CaseRecord Record(string investigationId, DateTimeOffset completedAt) => new()
    {
        InvestigationId = investigationId,
        IncidentId = "in-" + investigationId,
        Title = "Impossible travel for Alice",
        Verdict = Verdict.Malicious,
        Confidence = 0.95,
        Evidence = ["Sign-in from two countries 40 minutes apart"],
        PlaybookId = "compromised-account",
        PlanHash = "sha256:0f3a",
        PlannedActions = [new PlannedAction("revoke-alice", "revokeSessions", "account", "11111111-1111-1111-1111-111111111111", "Alice", ImpactLevel.Medium)],
        Actions = [new ActionOutcome("revoke-alice", ActionDisposition.RequireApproval, "executed", true, ActionExecutionStatus.Succeeded, "act-1", ["approved by bob@contoso.com"])],
        Decisions = [new ApprovalState("ap-1", ApprovalStatus.Approved, "bob@contoso.com", completedAt.AddMinutes(-5), "Confirmed with Alice")],
        StartedAt = completedAt.AddMinutes(-20),
        CompletedAt = completedAt,
    };
}
