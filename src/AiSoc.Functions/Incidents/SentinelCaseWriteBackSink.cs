using AiSoc.Integrations.Recording;
using AiSoc.Integrations.WriteBack;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Passes each case on, then comments the outcome on the Sentinel incident the webhook delivered, so analysts see
/// it where they work. With <see cref="SentinelOptions.AllowLabelUpdate"/>, it also adds the label
/// <c>aisoc-{verdict}</c>, so analysts can filter incidents by AiSoc's verdict; existing labels are kept. The comment id derives from the investigation id, so a retried activity rewrites the same
/// comment. The case is stored first, and a failed comment is logged rather than raised, so a write-back problem
/// cannot lose the case.
/// </summary>
public sealed partial class SentinelCaseWriteBackSink(
    ICaseRecordSink next,
    SentinelIncidentWriter writer,
    IOptions<SentinelOptions> options,
    ILogger<SentinelCaseWriteBackSink> logger) : ICaseRecordSink
{
    /// <summary>Actor recorded in the audit log for the comment and label, which the investigation writes on its own.</summary>
    public const string Actor = "aisoc investigation (case write-back)";

    public async Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);

        await next.WriteAsync(record, markdownReport, cancellationToken).ConfigureAwait(false);
        if (!IsSentinelIncident(record) || options.Value.WorkspaceResourceId is not { Length: > 0 } workspace)
        {
            return;
        }

        var incident = new SentinelIncidentRef(workspace.Trim(), record.IncidentId);
        await TryWriteAsync(record, () => writer.AddCommentAsync(incident, record.InvestigationId, SentinelCaseComment.Render(record), Actor, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (options.Value.AllowLabelUpdate)
        {
            var labels = new SentinelIncidentUpdate(Labels: [VerdictLabel(record)]);
            await TryWriteAsync(record, () => writer.UpdateIncidentAsync(incident, labels, record.InvestigationId, Actor, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Label added to the incident for <paramref name="record"/>'s verdict, such as <c>aisoc-malicious</c>.</summary>
    public static string VerdictLabel(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return "aisoc-" + VerdictNames.Name(record.Verdict);
    }

    private async Task TryWriteAsync(CaseRecord record, Func<Task<WriteBackResult>> write, CancellationToken cancellationToken)
    {
        WriteBackResult result;
        try
        {
            result = await write().ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or AuthenticationFailedException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogWriteBackFailed(logger, record.InvestigationId, record.IncidentId, error.Message);
            return;
        }

        if (result.Status == WriteBackStatus.Failed)
        {
            LogWriteBackFailed(logger, record.InvestigationId, record.IncidentId, result.Message);
        }
    }

    // Alerts from the alert trigger are stored under the same key, but only an incident has a Sentinel resource to
    // comment on. An incident's investigation id is derived from its name, which separates the two.
    private static bool IsSentinelIncident(CaseRecord record) =>
        record.TriageKey == DurableInvestigationStarter.WebhookTriageKey
        && record.InvestigationId == InvestigationIds.For(IncidentEnvelope.IncidentKind, record.IncidentId);

    [LoggerMessage(EventId = 5230, Level = LogLevel.Warning,
        Message = "Could not write investigation {InvestigationId} back to Sentinel incident {ProviderId}; the case is stored: {Reason}")]
    private static partial void LogWriteBackFailed(ILogger logger, string investigationId, string providerId, string reason);
}
