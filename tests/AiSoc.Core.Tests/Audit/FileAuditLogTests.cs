using AiSoc.Core.Audit;
using AiSoc.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Core.Tests.Audit;

public sealed class FileAuditLogTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Verify_UntouchedLog_IsIntact()
    {
        var path = await WriteLogAsync(records: 4);

        var verification = await AuditChainVerifier.VerifyFileAsync(path);

        Assert.True(verification.IsIntact, string.Join("\n", verification.Problems));
        Assert.Equal(4, verification.RecordCount);
    }

    [Fact]
    public async Task Append_FirstRecord_WritesNoByteOrderMark()
    {
        var path = await WriteLogAsync(records: 1);

        var bytes = await File.ReadAllBytesAsync(path);

        Assert.Equal((byte)'{', bytes[0]);
    }

    [Fact]
    public async Task Verify_EditedLine_ReportsEdit()
    {
        var path = await WriteLogAsync(records: 4);
        var lines = await File.ReadAllLinesAsync(path);
        lines[1] = lines[1].Replace("\"outcome\":\"succeeded\"", "\"outcome\":\"failed\"", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines);

        var verification = await AuditChainVerifier.VerifyFileAsync(path);

        var problem = Assert.Single(verification.Problems);
        Assert.Contains("line 2", problem, StringComparison.Ordinal);
        Assert.Contains("edited", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedLine_ReportsBreak()
    {
        var path = await WriteLogAsync(records: 4);
        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        lines.RemoveAt(1);
        await File.WriteAllLinesAsync(path, lines);

        var verification = await AuditChainVerifier.VerifyFileAsync(path);

        Assert.False(verification.IsIntact);
        Assert.Contains(verification.Problems, problem => problem.Contains("line 2: previous hash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReorderedLines_ReportsBreak()
    {
        var path = await WriteLogAsync(records: 4);
        var lines = await File.ReadAllLinesAsync(path);
        (lines[1], lines[2]) = (lines[2], lines[1]);
        await File.WriteAllLinesAsync(path, lines);

        var verification = await AuditChainVerifier.VerifyFileAsync(path);

        Assert.False(verification.IsIntact);
        Assert.Contains(verification.Problems, problem => problem.Contains("reordered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TruncatedWithKnownHead_ReportsTruncation()
    {
        var path = await WriteLogAsync(records: 4);
        var head = (await FileAuditLog.ReadAllAsync(path))[^1].Hash;
        var lines = await File.ReadAllLinesAsync(path);
        await File.WriteAllLinesAsync(path, lines[..^1]);

        var verification = await AuditChainVerifier.VerifyFileAsync(path, expectedHeadHash: head);

        Assert.Contains(verification.Problems, problem => problem.Contains("expected head", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Append_NewInstance_ContinuesChain()
    {
        var path = await WriteLogAsync(records: 2);
        using var reopened = new FileAuditLog(path, _time);

        var record = await reopened.AppendAsync(Entry("inv-1", "step-3"));

        Assert.Equal(3, record.Sequence);
        Assert.True((await AuditChainVerifier.VerifyFileAsync(path)).IsIntact);
    }

    [Fact]
    public async Task Append_ParallelWriters_KeepChainIntact()
    {
        var path = Path.Combine(_files.Root, "audit.ndjson");
        using var log = new FileAuditLog(path, _time);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => log.AppendAsync(Entry("inv-1", $"step-{i}")))));

        var verification = await AuditChainVerifier.VerifyFileAsync(path);
        Assert.True(verification.IsIntact, string.Join("\n", verification.Problems));
        Assert.Equal(50, verification.RecordCount);
    }

    [Fact]
    public async Task Append_Record_StoresUtcTimestamp()
    {
        var path = Path.Combine(_files.Root, "audit.ndjson");
        using var log = new FileAuditLog(path, _time);

        await log.AppendAsync(Entry("inv-1", "start"));

        Assert.Contains("\"timestamp\":\"2026-03-10T12:00:00Z\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadInvestigation_TwoInvestigations_ReturnsOne()
    {
        var path = Path.Combine(_files.Root, "audit.ndjson");
        using var log = new FileAuditLog(path, _time);
        await log.AppendAsync(Entry("inv-1", "a"));
        await log.AppendAsync(Entry("inv-2", "b"));

        var records = await log.ReadInvestigationAsync("inv-2");

        Assert.Equal("b", Assert.Single(records).Name);
    }

    [Fact]
    public async Task CaseReport_MarkupInOutcome_IsEscaped()
    {
        var log = new InMemoryAuditLog(_time);
        await log.AppendAsync(Entry("inv-1", "policy-evaluated") with { Outcome = "[click](https://evil.example) | x" });

        var report = CaseReportRenderer.Render("inv-1", log.Records);

        Assert.Contains("\\[click\\](https://evil.example) \\| x", report, StringComparison.Ordinal);
        Assert.Contains("| 1 | 2026-03-10 12:00:00 | step | policy-evaluated |", report, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private async Task<string> WriteLogAsync(int records)
    {
        var path = Path.Combine(_files.Root, "audit.ndjson");
        using var log = new FileAuditLog(path, _time);
        for (var i = 1; i <= records; i++)
        {
            await log.AppendAsync(Entry("inv-1", $"step-{i}"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return path;
    }

    private static AuditEntry Entry(string investigationId, string name) => new()
    {
        InvestigationId = investigationId,
        Kind = "step",
        Name = name,
        Actor = "response-policy",
        Inputs = new Dictionary<string, string> { ["planHash"] = "abc" },
        Outcome = "succeeded",
    };
}
