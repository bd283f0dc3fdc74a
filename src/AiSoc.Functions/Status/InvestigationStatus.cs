namespace AiSoc.Functions.Status;

/// <summary>Current state of an investigation, as the status route returns it. It carries no orchestration URLs.</summary>
/// <param name="InvestigationId">Investigation id, <c>inv-</c> and 20 hex digits.</param>
/// <param name="Kind"><c>incident</c> or <c>alert</c>.</param>
/// <param name="ProviderId">Sentinel incident name or alert id.</param>
/// <param name="Title">Incident title or alert display name; attacker-controlled text.</param>
/// <param name="Stage">Current stage, such as <c>received</c>, <c>enriching</c>, <c>awaiting-approval</c> or <c>completed</c>.</param>
/// <param name="CreatedAt">When the investigation was accepted, UTC.</param>
/// <param name="UpdatedAt">When the stage last changed, UTC.</param>
/// <param name="Verdict">Verdict once known.</param>
/// <param name="HasReport">True when the case report can be read.</param>
public sealed record InvestigationStatus(
    string InvestigationId,
    string Kind,
    string ProviderId,
    string? Title,
    string Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Verdict,
    bool HasReport);
