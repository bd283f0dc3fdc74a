using System.Text.Json;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// The incident or alert a Logic App forwards. Accepted shapes: the Sentinel incident trigger body
/// (<c>{"object":{"id":"/subscriptions/…/Incidents/{name}","name":"{name}","properties":{"title":…}}}</c>), the bare
/// incident resource (<c>{"id":…,"name":…,"properties":…}</c>) and the Sentinel alert trigger body
/// (<c>{"SystemAlertId":…,"AlertDisplayName":…}</c>).
/// </summary>
/// <param name="Kind"><see cref="IncidentKind"/> or <see cref="AlertKind"/>.</param>
/// <param name="ProviderId">The incident name (the last segment of its ARM id) or the alert's <c>SystemAlertId</c>.</param>
/// <param name="Title">Incident title or alert display name as the caller sent it.</param>
/// <param name="ResourceId">The incident's ARM id as the caller sent it, when the body has one. It is not checked here.</param>
public sealed record IncidentEnvelope(string Kind, string ProviderId, string? Title, string? ResourceId = null)
{
    public const string IncidentKind = "incident";
    public const string AlertKind = "alert";

    /// <summary>Parses a request body, or returns null with an error that names the missing fields.</summary>
    public static (IncidentEnvelope? Envelope, string? Error) Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, "Request body is empty; expected a Sentinel incident or alert JSON object.");
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            return Parse(document.RootElement);
        }
        catch (JsonException error)
        {
            return (null, "Request body is not valid JSON: " + error.Message.Split(" LineNumber", 2)[0]);
        }
    }

    private static (IncidentEnvelope?, string?) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, $"Request body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected a Sentinel incident or alert object.");
        }

        var incident = root.TryGetProperty("object", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : root;
        if (IncidentName(incident) is { } name)
        {
            var title = incident.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                ? Text(properties, "title")
                : null;
            return (new IncidentEnvelope(IncidentKind, name, title, Text(incident, "id")), null);
        }

        if (Text(root, "SystemAlertId") is { } alertId)
        {
            return (new IncidentEnvelope(AlertKind, alertId, Text(root, "AlertDisplayName")), null);
        }

        return (null, "Request body has no incident or alert id; expected 'object.name' or 'name' (Sentinel incident), 'object.id' or 'id' ending in '/Incidents/{name}', or 'SystemAlertId' (Sentinel alert).");
    }

    // The incident name is the last segment of its ARM id; the name field is used when the id is absent.
    private static string? IncidentName(JsonElement incident)
    {
        if (Text(incident, "id") is { } id)
        {
            var marker = id.LastIndexOf("/incidents/", StringComparison.OrdinalIgnoreCase);
            if (marker >= 0 && id[(marker + "/incidents/".Length)..] is { Length: > 0 } name && !name.Contains('/', StringComparison.Ordinal))
            {
                return name;
            }
        }

        return incident.TryGetProperty("properties", out _) ? Text(incident, "name") : null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;
}
