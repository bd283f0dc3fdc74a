using System.Collections.Concurrent;
using AiSoc.Functions.Incidents;

namespace AiSoc.Functions.Status;

/// <summary>
/// An <see cref="IInvestigationStatusReader"/> over the requests <see cref="InMemoryInvestigationStarter"/> recorded
/// (stage <c>received</c>) and the updates passed to <see cref="Update"/>. Registered until the orchestration
/// host provides a reader, and used by tests.
/// </summary>
public sealed class InMemoryInvestigationStatusReader(InMemoryInvestigationStarter starter) : IInvestigationStatusReader
{
    /// <summary>Stage of an accepted investigation that has not reported progress.</summary>
    public const string ReceivedStage = "received";

    private readonly ConcurrentDictionary<string, InvestigationStatus> _updates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _reports = new(StringComparer.Ordinal);

    /// <summary>Stores a newer status of an investigation.</summary>
    public void Update(InvestigationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _updates[status.InvestigationId] = status;
    }

    /// <summary>Stores the Markdown case report of an investigation.</summary>
    public void SetReport(string investigationId, string markdown) => _reports[investigationId] = markdown;

    public Task<InvestigationStatus?> GetAsync(string investigationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(investigationId));

    public Task<string?> GetReportAsync(string investigationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(investigationId) is not null && _reports.TryGetValue(investigationId, out var report) ? report : null);

    public Task<IReadOnlyDictionary<string, int>> CountByStageAsync(CancellationToken cancellationToken)
    {
        var ids = starter.Requests.Keys.Union(_updates.Keys, StringComparer.Ordinal);
        IReadOnlyDictionary<string, int> counts = ids
            .Select(Find)
            .OfType<InvestigationStatus>()
            .GroupBy(status => status.Stage, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return Task.FromResult(counts);
    }

    private InvestigationStatus? Find(string investigationId)
    {
        if (_updates.TryGetValue(investigationId, out var updated))
        {
            return updated with { HasReport = _reports.ContainsKey(investigationId) };
        }

        if (starter.Requests.TryGetValue(investigationId, out var request))
        {
            return new InvestigationStatus(
                request.InvestigationId, request.Kind, request.ProviderId, request.Title, ReceivedStage,
                request.ReceivedAt, request.ReceivedAt, null, _reports.ContainsKey(investigationId));
        }

        return null;
    }
}
