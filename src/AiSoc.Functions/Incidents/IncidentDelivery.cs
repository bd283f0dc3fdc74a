namespace AiSoc.Functions.Incidents;

/// <summary>One authenticated webhook request whose body was parsed.</summary>
/// <param name="Envelope">The ids parsed from the body.</param>
/// <param name="Body">The request body as received.</param>
/// <param name="Caller">The authenticated caller.</param>
/// <param name="ReceivedAt">When the webhook accepted the request, UTC.</param>
public sealed record IncidentDelivery(IncidentEnvelope Envelope, ReadOnlyMemory<byte> Body, CallerIdentity Caller, DateTimeOffset ReceivedAt);
