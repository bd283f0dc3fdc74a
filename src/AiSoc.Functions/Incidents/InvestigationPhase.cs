namespace AiSoc.Functions.Incidents;

/// <summary>State of the investigation of an incident or alert, as the orchestration backend reports it.</summary>
public enum InvestigationPhase
{
    /// <summary>No investigation with this id exists.</summary>
    NotStarted,

    /// <summary>The investigation is pending, running or suspended, so a new delivery updates it.</summary>
    UnderInvestigation,

    /// <summary>The investigation completed, failed or was terminated, so a new delivery changes nothing.</summary>
    Finished,
}
