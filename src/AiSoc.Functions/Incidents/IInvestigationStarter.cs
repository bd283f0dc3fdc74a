namespace AiSoc.Functions.Incidents;

/// <summary>
/// Starts an investigation for a forwarded incident or alert. The orchestration host plugs in here; starting the
/// same investigation id twice must not start a second run.
/// </summary>
public interface IInvestigationStarter
{
    /// <summary>Returns whether the investigation with this id exists and whether it is still running.</summary>
    Task<InvestigationPhase> GetPhaseAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the investigation, or returns false when one with the same id already exists. An existing
    /// investigation that is still running is sent an event saying that its incident was delivered again.
    /// </summary>
    Task<bool> StartAsync(InvestigationRequest request, CancellationToken cancellationToken);
}
