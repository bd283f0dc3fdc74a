using AiSoc.Core.Audit;
using AiSoc.Integrations.Defender;
using AiSoc.Integrations.Graph;
using AiSoc.Integrations.Recording;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Models.Security;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AiSoc.Integrations.WriteBack;

/// <summary>Changes to a Microsoft Graph security alert, where null leaves a property as it is.</summary>
public sealed record GraphAlertUpdate(AlertStatus? Status = null, AlertClassification? Classification = null, AlertDetermination? Determination = null);

/// <summary>
/// Writes AiSoc's findings back to a Defender XDR alert through Microsoft Graph (<c>security/alerts_v2</c>): PATCH
/// of status, classification and determination, and one comment carrying the <c>[aisoc:key]</c> marker. The alert is
/// read first, so a replay sends no PATCH when nothing changed and no second comment. Needs SecurityAlert.ReadWrite.All.
/// </summary>
public sealed class GraphAlertWriter(GraphServiceClient client, IAuditLog? auditLog = null)
{
    private const string Permission = "SecurityAlert.ReadWrite.All";

    public async Task<WriteBackResult> WriteAsync(
        string alertId, GraphAlertUpdate update, string idempotencyKey, string? comment, string approvedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        using var scope = TenantCallRecorder.Begin(dryRun: false);
        WriteBackResult result;
        try
        {
            result = await WriteWithinScopeAsync(scope, alertId, update, idempotencyKey, comment, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantApiException error)
        {
            result = WriteBackAudit.Finish(scope, WriteBackStatus.Failed, error.Message);
        }

        var bar = idempotencyKey.IndexOf('|', StringComparison.Ordinal);
        var investigationId = bar > 0 ? idempotencyKey[..bar] : idempotencyKey;
        await WriteBackAudit.AppendAsync(auditLog, investigationId, "graph-alert-update", approvedBy, alertId, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<WriteBackResult> WriteWithinScopeAsync(
        RecordingScope scope, string alertId, GraphAlertUpdate update, string idempotencyKey, string? comment, CancellationToken cancellationToken)
    {
        var alert = await GraphDirectory.CallAsync("GET /security/alerts_v2/{id}", Permission, allowNotFound: true, () =>
            client.Security.Alerts_v2[alertId].GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (alert is null)
        {
            return WriteBackAudit.Finish(scope, WriteBackStatus.Failed, $"Microsoft Graph has no security alert with id {alertId}.");
        }

        var patch = new Alert();
        var changed = false;
        if (update.Status is { } status && alert.Status != status)
        {
            patch.Status = status;
            changed = true;
        }

        if (update.Classification is { } classification && alert.Classification != classification)
        {
            patch.Classification = classification;
            changed = true;
        }

        if (update.Determination is { } determination && alert.Determination != determination)
        {
            patch.Determination = determination;
            changed = true;
        }

        if (changed)
        {
            await GraphDirectory.CallAsync<Alert>("PATCH /security/alerts_v2/{id}", Permission, allowNotFound: false, () =>
                client.Security.Alerts_v2[alertId].PatchAsync(patch, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var marker = IdempotencyMarker.For(idempotencyKey);
        var commented = false;
        if (comment is not null && alert.Comments?.Any(existing => IdempotencyMarker.IsIn(existing.Comment, marker)) != true)
        {
            await PostCommentAsync(alertId, $"{comment} {marker}", cancellationToken).ConfigureAwait(false);
            commented = true;
        }

        return changed || commented
            ? WriteBackAudit.Finish(scope, WriteBackStatus.Written, $"Alert {alertId}: {(changed ? "updated" : "no property change")}, {(commented ? "comment added" : "no new comment")}.")
            : WriteBackAudit.Finish(scope, WriteBackStatus.AlreadyInDesiredState, $"Alert {alertId} already has the requested values and this key's comment.");
    }

    /// <summary>
    /// Posts one comment object, as the "Create comment for alert" reference shows. The SDK's <c>PostAsync</c> takes a
    /// list and would send a JSON array, so the request body is set to the single object here.
    /// </summary>
    private async Task PostCommentAsync(string alertId, string text, CancellationToken cancellationToken)
    {
        // Serializing marks a model's backing store clean, so the list and the body are separate instances.
        var request = client.Security.Alerts_v2[alertId].Comments.ToPostRequestInformation([NewComment(text)]);
        request.SetContentFromParsable(client.RequestAdapter, "application/json", NewComment(text));

        var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
        await GraphDirectory.CallAsync("POST /security/alerts_v2/{id}/comments", Permission, allowNotFound: false, () =>
            client.RequestAdapter.SendCollectionAsync(request, AlertComment.CreateFromDiscriminatorValue, errors, cancellationToken)).ConfigureAwait(false);
    }

    private static AlertComment NewComment(string text) => new() { Comment = text, OdataType = "microsoft.graph.security.alertComment" };
}
