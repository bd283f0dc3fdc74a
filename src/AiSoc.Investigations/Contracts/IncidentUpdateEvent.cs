namespace AiSoc.Investigations;

/// <summary>
/// Payload of the <see cref="InvestigationOrchestrator.IncidentUpdatedEvent"/> event, raised when the provider
/// delivers the incident again. It carries ids and the delivery time only, so the orchestration history contains
/// no incident text. The updated incident itself is saved to the <see cref="Ports.IInvestigationStore"/> first.
/// </summary>
/// <param name="Kind"><c>incident</c> or <c>alert</c>.</param>
/// <param name="ProviderId">Sentinel incident name or alert id.</param>
/// <param name="ReceivedAt">When the update was delivered, UTC.</param>
public sealed record IncidentUpdateEvent(string Kind, string ProviderId, DateTimeOffset ReceivedAt);

/// <summary>Input of the re-plan activity.</summary>
/// <param name="Input">The investigation.</param>
/// <param name="PlanHash">Hash of the plan the pending approval request was made for.</param>
public sealed record ReplanRequest(InvestigationInput Input, string PlanHash);

/// <summary>The plan of the updated incident, as the re-plan activity built it.</summary>
/// <param name="ClosedAtProvider">True when the provider reports the incident closed, so no action runs.</param>
/// <param name="Plan">The new plan, or null when the updated incident gets no plan.</param>
public sealed record ReplanResult(bool ClosedAtProvider, PlanSummary? Plan);
