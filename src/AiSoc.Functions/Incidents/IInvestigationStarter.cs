namespace AiSoc.Functions.Incidents;

/// <summary>
/// Starts an investigation for a forwarded incident or alert. The orchestration host plugs in here; starting the
/// same investigation id twice must not start a second run.
/// </summary>
public interface IInvestigationStarter
{
    /// <summary>Starts the investigation, or returns false when one with the same id already exists.</summary>
    Task<bool> StartAsync(InvestigationRequest request, CancellationToken cancellationToken);
}
