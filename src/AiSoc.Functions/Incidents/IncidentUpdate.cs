namespace AiSoc.Functions.Incidents;

/// <summary>
/// Payload of the <see cref="DurableInvestigationStarter.IncidentUpdatedEvent"/> event: ids and the delivery time
/// only, so the orchestration history contains no incident text.
/// </summary>
public sealed record IncidentUpdate(string Kind, string ProviderId, DateTimeOffset ReceivedAt);
