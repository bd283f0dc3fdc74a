namespace AiSoc.Functions.Status;

/// <summary>
/// Reads investigation state for the status routes and pipeline health. The orchestration host plugs in here, so
/// callers never see Durable Functions management URLs.
/// </summary>
public interface IInvestigationStatusReader
{
    /// <summary>Returns the status, or null when the id is unknown.</summary>
    Task<InvestigationStatus?> GetAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Returns the Markdown case report, or null when the id is unknown or the report is not written yet.</summary>
    Task<string?> GetReportAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Returns the number of investigations per stage.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByStageAsync(CancellationToken cancellationToken);
}
