using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Sentinel;

/// <summary>
/// Reads a Microsoft Sentinel incident through ARM: "Incidents - Get", then its alerts ("Incidents - List Alerts",
/// POST <c>…/alerts</c>) and entities ("Incidents - List Entities", POST <c>…/entities</c>). It reads only incidents
/// of <see cref="SentinelOptions.WorkspaceResourceId"/> and needs the Microsoft Sentinel Reader role there.
/// </summary>
/// <remarks>
/// The client is expected to be <see cref="TenantIntegrationServices.ArmReadHttpClientName"/>, which carries the
/// enrichment credential. Its retry rules send a POST again only after a 429, so a 5xx on the two list calls fails
/// the read at once.
/// </remarks>
public sealed class SentinelIncidentReader(HttpClient http, IOptions<SentinelOptions> options)
{
    /// <summary>Role that every call of this reader needs, named in 403 errors.</summary>
    public const string Permission = "the Microsoft Sentinel Reader role on the workspace";

    private readonly SentinelOptions settings = options.Value;

    /// <summary>True when <see cref="SentinelOptions.WorkspaceResourceId"/> names the workspace to read incidents from.</summary>
    public bool IsWorkspaceConfigured => !string.IsNullOrWhiteSpace(settings.WorkspaceResourceId);

    /// <summary>Checks an incident id from a request against the configured workspace.</summary>
    /// <exception cref="SentinelIncidentIdException">The id is missing, malformed, or names another workspace.</exception>
    /// <exception cref="InvalidOperationException"><see cref="SentinelOptions.WorkspaceResourceId"/> is not set.</exception>
    public SentinelIncidentId Resolve(string? resourceId, string? name) =>
        SentinelIncidentId.Parse(resourceId, name, ConfiguredWorkspace());

    /// <summary>Reads the incident, its alerts and its entities.</summary>
    /// <exception cref="SentinelIncidentIdException"><paramref name="incident"/> is of another workspace.</exception>
    /// <exception cref="TenantApiException">
    /// ARM failed, timed out or returned invalid JSON; <see cref="TenantApiException.IsNotFound"/> is true when the
    /// workspace has no such incident.
    /// </exception>
    public async Task<SentinelIncidentSnapshot> ReadAsync(SentinelIncidentId incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);

        var workspace = ConfiguredWorkspace().TrimEnd('/');
        if (!string.Equals(incident.WorkspaceResourceId, workspace, StringComparison.OrdinalIgnoreCase))
        {
            throw new SentinelIncidentIdException(
                $"Incident '{incident.ResourceId}' is not an incident of the configured workspace '{workspace}' (Integrations:Sentinel:WorkspaceResourceId).");
        }

        var resource = await SendAsync(HttpMethod.Get, incident.ResourceId, $"GET incident {incident.Name}", cancellationToken).ConfigureAwait(false);
        var alerts = await SendAsync(HttpMethod.Post, incident.ResourceId + "/alerts", $"POST incident {incident.Name} alerts", cancellationToken).ConfigureAwait(false);
        var entities = await SendAsync(HttpMethod.Post, incident.ResourceId + "/entities", $"POST incident {incident.Name} entities", cancellationToken).ConfigureAwait(false);

        return new SentinelIncidentSnapshot(
            incident,
            resource,
            Items(alerts, "value", $"POST incident {incident.Name} alerts"),
            Items(entities, "entities", $"POST incident {incident.Name} entities"));
    }

    private string ConfiguredWorkspace() =>
        string.IsNullOrWhiteSpace(settings.WorkspaceResourceId)
            ? throw new InvalidOperationException($"{SentinelOptions.SectionName}:WorkspaceResourceId is missing: set it to the ARM id of the Sentinel workspace whose incidents AiSoc reads.")
            : settings.WorkspaceResourceId.Trim();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string operation, CancellationToken cancellationToken)
    {
        var uri = new Uri(path.TrimStart('/') + "?api-version=" + Uri.EscapeDataString(settings.ApiVersion), UriKind.Relative);
        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            // The list operations take no body; an empty JSON content type keeps ARM from rejecting the POST.
            request.Content = new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TenantApiException(operation, null, Permission, error.Message, error);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new TenantApiException(operation, response.StatusCode, Permission, ErrorMessage(text));
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject
                    ?? throw new TenantApiException(operation, response.StatusCode, Permission, "The response body is not a JSON object.");
            }
            catch (JsonException error)
            {
                throw new TenantApiException(operation, response.StatusCode, Permission, "The response body is not valid JSON: " + error.Message, error);
            }
        }
    }

    private static List<JsonObject> Items(JsonObject list, string property, string operation)
    {
        if (list[property] is not JsonArray items)
        {
            throw new TenantApiException(operation, HttpStatusCode.OK, Permission, $"The response has no '{property}' array.");
        }

        return [.. items.OfType<JsonObject>()];
    }

    // ARM errors are {"error": {"code", "message"}}. Any other body is reported as it is.
    private static string ErrorMessage(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["error"]?["message"]?.GetValue<string>() ?? text;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return text;
        }
    }
}
