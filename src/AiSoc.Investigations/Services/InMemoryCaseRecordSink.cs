using System.Collections.Concurrent;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>An <see cref="ICaseRecordSink"/> that keeps records and reports in memory, for tests and benchmarks.</summary>
public sealed class InMemoryCaseRecordSink : ICaseRecordSink
{
    private readonly ConcurrentDictionary<string, (CaseRecord Record, string Report)> _cases = new(StringComparer.Ordinal);

    public IReadOnlyCollection<CaseRecord> Records => [.. _cases.Values.Select(entry => entry.Record)];

    /// <summary>Returns the case report of an investigation, or null.</summary>
    public string? ReportOf(string investigationId) => _cases.TryGetValue(investigationId, out var entry) ? entry.Report : null;

    /// <summary>Returns the case record of an investigation, or null.</summary>
    public CaseRecord? RecordOf(string investigationId) => _cases.TryGetValue(investigationId, out var entry) ? entry.Record : null;

    public Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        _cases[record.InvestigationId] = (record, markdownReport);
        return Task.CompletedTask;
    }
}
