using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>An <see cref="ICaseRecordStore"/> that keeps records and reports in memory, for tests and benchmarks.</summary>
public sealed class InMemoryCaseRecordSink : ICaseRecordStore
{
    private readonly ConcurrentDictionary<string, StoredCase> _cases = new(StringComparer.Ordinal);

    public IReadOnlyCollection<CaseRecord> Records => [.. _cases.Values.Select(entry => entry.Record)];

    /// <summary>Returns the case report of an investigation, or null.</summary>
    public string? ReportOf(string investigationId) => _cases.TryGetValue(investigationId, out var entry) ? entry.MarkdownReport : null;

    /// <summary>Returns the case record of an investigation, or null.</summary>
    public CaseRecord? RecordOf(string investigationId) => _cases.TryGetValue(investigationId, out var entry) ? entry.Record : null;

    public Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        _cases[record.InvestigationId] = new StoredCase(record, markdownReport);
        return Task.CompletedTask;
    }

    public Task<StoredCase?> GetAsync(string investigationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cases.TryGetValue(investigationId, out var entry) ? entry : null);

    public async IAsyncEnumerable<CaseRecord> ListCompletedAsync(DateTimeOffset completedFrom, DateTimeOffset completedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in _cases.Values.OrderBy(entry => entry.Record.CompletedAt))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Record.CompletedAt >= completedFrom && entry.Record.CompletedAt < completedBefore)
            {
                yield return entry.Record;
            }
        }
    }
}
