namespace AiSoc.Investigations;

/// <summary>
/// The input of one investigation orchestration: ids and a reference to the stored triage result, never the
/// incident itself, so the orchestration history stays small and holds no alert text.
/// </summary>
/// <param name="InvestigationId">Id of the investigation, also used as the orchestration instance id.</param>
/// <param name="IncidentId">Id of the correlated incident under investigation.</param>
/// <param name="TriageKey">Key of the triage result in the <see cref="Ports.IInvestigationStore"/>, such as a run folder name.</param>
public sealed record InvestigationInput(string InvestigationId, string IncidentId, string TriageKey);
