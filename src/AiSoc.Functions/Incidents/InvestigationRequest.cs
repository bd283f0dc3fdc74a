namespace AiSoc.Functions.Incidents;

/// <summary>What the webhook hands to <see cref="IInvestigationStarter"/>.</summary>
/// <param name="InvestigationId">Deterministic id from the provider id, so a repeated delivery names the same investigation.</param>
/// <param name="Kind"><c>incident</c> or <c>alert</c>.</param>
/// <param name="ProviderId">Sentinel incident name (GUID) or the alert's <c>SystemAlertId</c>.</param>
/// <param name="Title">Title of the stored incident. Alert titles can carry attacker-controlled text.</param>
/// <param name="Envelope">The request body as received. The investigation reads the stored incident instead.</param>
/// <param name="Caller">The authenticated caller.</param>
/// <param name="ReceivedAt">When the webhook accepted the request, UTC.</param>
public sealed record InvestigationRequest(
    string InvestigationId,
    string Kind,
    string ProviderId,
    string? Title,
    string Envelope,
    CallerIdentity Caller,
    DateTimeOffset ReceivedAt);
