using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Audit;
using AiSoc.Integrations.Recording;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.WriteBack;

/// <summary>
/// Writes AiSoc's findings back to Microsoft Sentinel through ARM: a comment with an id derived from the
/// idempotency key (a replay overwrites the same comment), and status, classification, owner and labels where
/// <see cref="SentinelOptions"/> allows them, sent with the incident's ETag so a concurrent edit is never overwritten.
/// Needs the Microsoft Sentinel Responder role on the workspace.
/// </summary>
public sealed class SentinelIncidentWriter(HttpClient http, IOptions<SentinelOptions> options, IAuditLog? auditLog = null)
{
    private const string Permission = "the Microsoft Sentinel Responder role on the workspace";
    private const int MaxETagConflicts = 3;
    private readonly SentinelOptions settings = options.Value;

    /// <summary>Adds or replaces the comment of <paramref name="idempotencyKey"/> on the incident.</summary>
    public async Task<WriteBackResult> AddCommentAsync(
        SentinelIncidentRef incident, string idempotencyKey, string message, string approvedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);

        using var scope = TenantCallRecorder.Begin(dryRun: false);
        var commentId = WriteBackAudit.DeterministicId(idempotencyKey).ToString();
        var path = IncidentPath(incident) + "/comments/" + commentId;
        var body = new JsonObject { ["properties"] = new JsonObject { ["message"] = message } };

        WriteBackResult result;
        using (var response = await SendAsync(HttpMethod.Put, path, body, cancellationToken).ConfigureAwait(false))
        {
            result = response.StatusCode switch
            {
                HttpStatusCode.Created => WriteBackAudit.Finish(scope, WriteBackStatus.Written, $"Added comment {commentId}."),
                HttpStatusCode.OK => WriteBackAudit.Finish(scope, WriteBackStatus.AlreadyInDesiredState, $"Comment {commentId} already existed and was rewritten with the same id."),
                _ => WriteBackAudit.Finish(scope, WriteBackStatus.Failed, await DescribeFailureAsync("PUT incident comment", response, cancellationToken).ConfigureAwait(false)),
            };
        }

        await WriteBackAudit.AppendAsync(auditLog, InvestigationOf(idempotencyKey), "sentinel-incident-comment", approvedBy, incident.IncidentName, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Applies the changes that the options allow, skipping the others with a note in the message. The incident is
    /// read first, and only a real change is written, with the ETag just read. A 412 reads again and retries.
    /// </summary>
    public async Task<WriteBackResult> UpdateIncidentAsync(
        SentinelIncidentRef incident, SentinelIncidentUpdate update, string investigationId, string approvedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(update);

        using var scope = TenantCallRecorder.Begin(dryRun: false);
        var result = await UpdateWithinScopeAsync(scope, incident, update, cancellationToken).ConfigureAwait(false);
        await WriteBackAudit.AppendAsync(auditLog, investigationId, "sentinel-incident-update", approvedBy, incident.IncidentName, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<WriteBackResult> UpdateWithinScopeAsync(RecordingScope scope, SentinelIncidentRef incident, SentinelIncidentUpdate update, CancellationToken cancellationToken)
    {
        var problems = update.Validate();
        if (problems.Count > 0)
        {
            return WriteBackAudit.Finish(scope, WriteBackStatus.Failed, $"Incident update for {incident.IncidentName} is invalid: {string.Join(" ", problems)}");
        }

        var skipped = new List<string>();
        var path = IncidentPath(incident);
        for (var attempt = 1; attempt <= MaxETagConflicts; attempt++)
        {
            JsonObject current;
            using (var read = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false))
            {
                if (!read.IsSuccessStatusCode)
                {
                    return WriteBackAudit.Finish(scope, WriteBackStatus.Failed, await DescribeFailureAsync("GET incident", read, cancellationToken).ConfigureAwait(false));
                }

                current = (await read.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false))!;
            }

            skipped.Clear();
            var properties = current["properties"]!.AsObject();
            var changed = SentinelIncidentChanges.Apply(properties, update, settings, skipped);
            var note = skipped.Count == 0 ? string.Empty : $" Not allowed by policy, so left as they are: {string.Join(", ", skipped)}.";
            if (!changed)
            {
                return WriteBackAudit.Finish(scope, WriteBackStatus.AlreadyInDesiredState, $"Incident {incident.IncidentName} already has the requested values.{note}");
            }

            var body = new JsonObject { ["etag"] = current["etag"]?.GetValue<string>(), ["properties"] = properties.DeepClone() };
            using var write = await SendAsync(HttpMethod.Put, path, body, cancellationToken).ConfigureAwait(false);
            if (write.IsSuccessStatusCode)
            {
                return WriteBackAudit.Finish(scope, WriteBackStatus.Written, $"Updated incident {incident.IncidentName}.{note}");
            }

            if (write.StatusCode != HttpStatusCode.PreconditionFailed)
            {
                return WriteBackAudit.Finish(scope, WriteBackStatus.Failed, await DescribeFailureAsync("PUT incident", write, cancellationToken).ConfigureAwait(false));
            }
        }

        return WriteBackAudit.Finish(scope, WriteBackStatus.Failed,
            $"Incident {incident.IncidentName} changed during each of {MaxETagConflicts} attempts (412 Precondition Failed); retry later.");
    }

    private static string IncidentPath(SentinelIncidentRef incident) =>
        incident.WorkspaceResourceId.TrimEnd('/') + "/providers/Microsoft.SecurityInsights/incidents/" + Uri.EscapeDataString(incident.IncidentName);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/') + "?api-version=" + Uri.EscapeDataString(settings.ApiVersion), UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new TenantApiException($"{method} {path}", null, Permission, error.Message, error);
        }
    }

    private static async Task<string> DescribeFailureAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = text;
        try
        {
            detail = JsonNode.Parse(text)?["error"]?["message"]?.GetValue<string>() ?? text;
        }
        catch (JsonException)
        {
            // Not JSON: the raw text is the best detail there is.
        }

        return new TenantApiException(operation, response.StatusCode, Permission, detail).Message;
    }

    private static string InvestigationOf(string idempotencyKey)
    {
        var bar = idempotencyKey.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 ? idempotencyKey[..bar] : idempotencyKey;
    }
}
