using System.Net;
using System.Text;
using AiSoc.Core.Ingest;
using AiSoc.Integrations;
using AiSoc.Integrations.Sentinel;
using AiSoc.Investigations.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Turns a webhook delivery into a stored, triaged incident and an investigation. For an incident, only its id is
/// taken from the request: the incident, its alerts and its entities are read from Sentinel, triaged, saved under
/// <see cref="DurableInvestigationStarter.WebhookTriageKey"/>. Then the investigation is started or, when it is
/// still running, sent the IncidentUpdated event. A delivery for a finished investigation changes nothing.
/// </summary>
public sealed partial class SentinelIncidentIntake(
    SentinelIncidentReader reader,
    WebhookTriage triage,
    IInvestigationStore store,
    ILogger<SentinelIncidentIntake> logger)
{
    /// <summary>Wait in the <c>Retry-After</c> of the 503 returned after an ARM 429, so the Logic App waits before it retries.</summary>
    public static readonly TimeSpan ThrottledRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>Message of the 503 returned when no Sentinel workspace is configured.</summary>
    public const string NoWorkspaceMessage =
        "Integrations:Sentinel:WorkspaceResourceId is not set, so incidents cannot be read from Sentinel. Set it to the workspace ARM id (with azd: azd env set AISOC_SENTINEL_WORKSPACE_ID <id>, then azd provision).";

    /// <summary>Evidence line of an incident built from an alert trigger body.</summary>
    public const string CallerAlertNote =
        "The alert came from the webhook request body, not from Sentinel: Sentinel has no API that reads a single alert, so its fields are as the caller sent them.";

    /// <summary>Reads, triages and saves the delivered incident or alert, then starts or updates its investigation.</summary>
    public Task<IntakeOutcome> AcceptAsync(IncidentDelivery delivery, IInvestigationStarter starter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(starter);

        return delivery.Envelope.Kind == IncidentEnvelope.IncidentKind
            ? AcceptIncidentAsync(delivery, starter, cancellationToken)
            : AcceptAlertAsync(delivery, starter, cancellationToken);
    }

    private async Task<IntakeOutcome> AcceptIncidentAsync(IncidentDelivery delivery, IInvestigationStarter starter, CancellationToken cancellationToken)
    {
        var envelope = delivery.Envelope;

        // An app deployed without a Sentinel workspace still ingests streams and polls Graph, so the missing
        // setting rejects each incident delivery rather than stopping the host.
        if (!reader.IsWorkspaceConfigured)
        {
            LogNoWorkspace(logger, envelope.ProviderId, delivery.Caller.ApplicationId);
            return IntakeOutcome.Reject(StatusCodes.Status503ServiceUnavailable, NoWorkspaceMessage);
        }

        SentinelIncidentId incident;
        try
        {
            incident = reader.Resolve(envelope.ResourceId, envelope.ProviderId);
        }
        catch (SentinelIncidentIdException error)
        {
            LogRejectedId(logger, delivery.Caller.ApplicationId, error.Message);
            return IntakeOutcome.Reject(StatusCodes.Status400BadRequest, error.Message);
        }

        var investigationId = InvestigationIds.For(envelope.Kind, incident.Name);
        if (await SkipIfFinishedAsync(starter, investigationId, envelope.Kind, incident.Name, cancellationToken).ConfigureAwait(false) is { } finished)
        {
            return finished;
        }

        SentinelIncidentSnapshot snapshot;
        try
        {
            snapshot = await reader.ReadAsync(incident, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantApiException error)
        {
            return ReadFailed(incident, error);
        }

        // The name Sentinel returns is the stored id, so every delivery saves under the id the orchestration input carries.
        var name = snapshot.Incident["name"]?.GetValue<string>() ?? incident.Name;
        StoredIncident stored;
        try
        {
            var record = Encoding.UTF8.GetBytes(snapshot.ToIncidentRecord().ToJsonString());
            stored = await triage.TriageAsync(record, $"sentinel-incident-{name}.json", name,
                summary => summary.ProviderIncidentIds.Contains(name, StringComparer.OrdinalIgnoreCase), [], cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRecordException error)
        {
            LogUnreadableIncident(logger, incident.ResourceId, error.Message);
            return IntakeOutcome.Reject(StatusCodes.Status502BadGateway, $"Sentinel returned incident '{incident.ResourceId}' in a shape AiSoc cannot read: {error.Message}");
        }

        // The status lets a waiting investigation withdraw its approval request when an analyst closes the incident.
        stored = stored with { ProviderStatus = snapshot.Incident["properties"]?["status"]?.GetValue<string>() };
        return await SaveAndStartAsync(delivery, investigationId, name, stored, starter, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IntakeOutcome> AcceptAlertAsync(IncidentDelivery delivery, IInvestigationStarter starter, CancellationToken cancellationToken)
    {
        var envelope = delivery.Envelope;
        var investigationId = InvestigationIds.For(envelope.Kind, envelope.ProviderId);
        if (await SkipIfFinishedAsync(starter, investigationId, envelope.Kind, envelope.ProviderId, cancellationToken).ConfigureAwait(false) is { } finished)
        {
            return finished;
        }

        // NOTE: the normalizers classify a body with an Entities array and none of the Log Analytics columns
        // (TenantId, SourceSystem, Type) as a Defender for Cloud export record. Whether the Sentinel alert trigger
        // sends such a body is unverified, so its alert may be stored with Defender for Cloud as its source.
        StoredIncident stored;
        try
        {
            stored = await triage.TriageAsync(delivery.Body, "webhook-alert.json", envelope.ProviderId, _ => true, [CallerAlertNote], cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRecordException error)
        {
            LogUnreadableAlert(logger, envelope.ProviderId, delivery.Caller.ApplicationId, error.Message);
            return IntakeOutcome.Reject(StatusCodes.Status400BadRequest, $"Alert '{envelope.ProviderId}' in the request body cannot be read: {error.Message}");
        }

        return await SaveAndStartAsync(delivery, investigationId, envelope.ProviderId, stored, starter, cancellationToken).ConfigureAwait(false);
    }

    // NOTE: an investigation that finishes between this check and the save still gets its stored incident replaced.
    // No activity reads it after the orchestration ends, so only the stored copy changes.
    private async Task<IntakeOutcome?> SkipIfFinishedAsync(IInvestigationStarter starter, string investigationId, string kind, string providerId, CancellationToken cancellationToken)
    {
        if (await starter.GetPhaseAsync(investigationId, cancellationToken).ConfigureAwait(false) != InvestigationPhase.Finished)
        {
            return null;
        }

        LogFinished(logger, investigationId, kind, providerId);
        return IntakeOutcome.Accept(new WebhookAccepted(investigationId, kind, providerId, WebhookAccepted.AlreadyFinished));
    }

    // The refreshed incident is saved before the IncidentUpdated event is raised, so an orchestration that reloads
    // on that event reads the new copy.
    private async Task<IntakeOutcome> SaveAndStartAsync(
        IncidentDelivery delivery, string investigationId, string providerId, StoredIncident stored, IInvestigationStarter starter, CancellationToken cancellationToken)
    {
        var kind = delivery.Envelope.Kind;
        await store.SaveAsync(DurableInvestigationStarter.WebhookTriageKey, stored, cancellationToken).ConfigureAwait(false);
        LogSaved(logger, stored.Incident.Id, stored.Alerts.Count, stored.Incident.Entities.Count, investigationId);

        var request = new InvestigationRequest(
            investigationId, kind, providerId, stored.Incident.Title, Encoding.UTF8.GetString(delivery.Body.Span), delivery.Caller, delivery.ReceivedAt);
        var started = await starter.StartAsync(request, cancellationToken).ConfigureAwait(false);
        return IntakeOutcome.Accept(new WebhookAccepted(investigationId, kind, providerId, started ? WebhookAccepted.Started : WebhookAccepted.AlreadyStarted));
    }

    private IntakeOutcome ReadFailed(SentinelIncidentId incident, TenantApiException error)
    {
        if (error.IsNotFound)
        {
            LogNotFound(logger, incident.ResourceId);
            return IntakeOutcome.Reject(StatusCodes.Status404NotFound,
                $"Sentinel has no incident '{incident.Name}' in workspace '{incident.WorkspaceResourceId}'. Check that the automation rule runs in that workspace.");
        }

        LogReadFailed(logger, incident.ResourceId, error.StatusCode is { } status ? (int)status : null, error);
        return error.StatusCode == HttpStatusCode.TooManyRequests
            ? IntakeOutcome.Reject(StatusCodes.Status503ServiceUnavailable, $"Reading incident '{incident.Name}' from Sentinel was throttled; retry later. {error.Message}", ThrottledRetryAfter)
            : IntakeOutcome.Reject(StatusCodes.Status502BadGateway, $"Reading incident '{incident.Name}' from Sentinel failed; retry later. {error.Message}");
    }

    [LoggerMessage(EventId = 5220, Level = LogLevel.Warning, Message = "Rejected incident id from application {ApplicationId}: {Reason}")]
    private static partial void LogRejectedId(ILogger logger, string applicationId, string reason);

    [LoggerMessage(EventId = 5221, Level = LogLevel.Information,
        Message = "Investigation {InvestigationId} of {Kind} {ProviderId} has finished; the delivery changes nothing")]
    private static partial void LogFinished(ILogger logger, string investigationId, string kind, string providerId);

    [LoggerMessage(EventId = 5222, Level = LogLevel.Warning, Message = "Sentinel has no incident {ResourceId}")]
    private static partial void LogNotFound(ILogger logger, string resourceId);

    [LoggerMessage(EventId = 5223, Level = LogLevel.Error, Message = "Reading incident {ResourceId} from Sentinel failed with status {StatusCode}")]
    private static partial void LogReadFailed(ILogger logger, string resourceId, int? statusCode, Exception error);

    [LoggerMessage(EventId = 5224, Level = LogLevel.Error, Message = "Sentinel returned incident {ResourceId} in a shape the normalizers reject: {Reason}")]
    private static partial void LogUnreadableIncident(ILogger logger, string resourceId, string reason);

    [LoggerMessage(EventId = 5229, Level = LogLevel.Error,
        Message = "Rejected incident {ProviderId} from application {ApplicationId}: Integrations:Sentinel:WorkspaceResourceId is not set")]
    private static partial void LogNoWorkspace(ILogger logger, string providerId, string applicationId);

    [LoggerMessage(EventId = 5225, Level = LogLevel.Warning, Message = "Rejected alert {ProviderId} from application {ApplicationId}: {Reason}")]
    private static partial void LogUnreadableAlert(ILogger logger, string providerId, string applicationId, string reason);

    [LoggerMessage(EventId = 5226, Level = LogLevel.Information,
        Message = "Saved incident {IncidentId} with {AlertCount} alerts and {EntityCount} entities for investigation {InvestigationId}")]
    private static partial void LogSaved(ILogger logger, string incidentId, int alertCount, int entityCount, string investigationId);
}
