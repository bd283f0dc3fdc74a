using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// An <see cref="IInvestigationStarter"/> that records requests in memory and starts nothing; registered until the
/// orchestration starter exists, and used by tests.
/// </summary>
public sealed partial class InMemoryInvestigationStarter(ILogger<InMemoryInvestigationStarter> logger) : IInvestigationStarter
{
    private readonly ConcurrentDictionary<string, InvestigationRequest> _requests = new(StringComparer.Ordinal);

    /// <summary>Requests accepted so far, by investigation id.</summary>
    public IReadOnlyDictionary<string, InvestigationRequest> Requests => _requests;

    /// <summary>Returns <see cref="InvestigationPhase.UnderInvestigation"/> for a recorded request, because nothing here ever finishes.</summary>
    public Task<InvestigationPhase> GetPhaseAsync(string investigationId, CancellationToken cancellationToken) =>
        Task.FromResult(_requests.ContainsKey(investigationId) ? InvestigationPhase.UnderInvestigation : InvestigationPhase.NotStarted);

    // TODO: replace with the Durable Functions orchestration starter; this one only records the request.
    public Task<bool> StartAsync(InvestigationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var added = _requests.TryAdd(request.InvestigationId, request);
        LogRecorded(logger, request.InvestigationId, request.Kind, request.ProviderId, added);
        return Task.FromResult(added);
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Information,
        Message = "Recorded investigation {InvestigationId} for {Kind} {ProviderId} (new: {IsNew}); no orchestration starter is registered")]
    private static partial void LogRecorded(ILogger logger, string investigationId, string kind, string providerId, bool isNew);
}
