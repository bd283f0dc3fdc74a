using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Learning.Tenant;

/// <summary>
/// Reads the <see cref="VerdictClosure"/> of incident and alert records. The normalized schema keeps the
/// classification but not who set it, so these fields are read from the raw record.
/// </summary>
internal static class ClosureReader
{
    /// <summary>
    /// Reads a Sentinel incident: the REST resource, its flattened export, or the incident inside an automation
    /// rule trigger body (<c>object</c>).
    /// </summary>
    public static VerdictClosure SentinelIncident(JsonElement record)
    {
        var incident = record.Str("objectSchemaType") is not null && record.Get("object") is { } inner ? inner : record;

        var owner = FirstText(incident, "properties.owner.assignedTo", "properties.owner.email", "properties.owner.userPrincipalName", "properties.owner.objectId");
        var labels = JsonFields.Items(DottedPath.Element(incident, "properties.labels"))
            .Select(label => label.ValueKind == JsonValueKind.String ? JsonFields.AsText(label) : label.Str("labelName"))
            .OfType<string>()
            .ToArray();

        return new VerdictClosure(
            DottedPath.Text(incident, "properties.classification"),
            owner,
            DottedPath.Text(incident, "systemData.lastModifiedBy"),
            DottedPath.Text(incident, "systemData.lastModifiedByType"),
            DottedPath.Text(incident, "properties.classificationComment"),
            labels,
            TimeOf(DottedPath.Text(incident, "properties.lastModifiedTimeUtc")));
    }

    /// <summary>Reads a Microsoft Graph security incident.</summary>
    public static VerdictClosure GraphIncident(JsonElement record)
    {
        var tags = JsonFields.Strings(record.Get("customTags")).Concat(JsonFields.Strings(record.Get("systemTags"))).ToArray();
        return new VerdictClosure(
            record.Str("classification"),
            record.Str("assignedTo"),
            record.Str("lastModifiedBy"),
            null,
            record.Str("resolvingComment"),
            tags,
            TimeOf(record.Str("lastUpdateDateTime")));
    }

    /// <summary>Reads a Microsoft Graph security alert (alerts_v2) or a Defender for Endpoint alert.</summary>
    public static VerdictClosure Alert(JsonElement record) => new(
        record.Str("classification"),
        record.Str("assignedTo"),
        null,
        null,
        null,
        [],
        TimeOf(record.Str("lastUpdateDateTime") ?? record.Str("lastUpdateTime")));

    private static string? FirstText(JsonElement record, params string[] paths) =>
        paths.Select(path => DottedPath.Text(record, path)).FirstOrDefault(text => text is not null);

    private static DateTimeOffset? TimeOf(string? text) =>
        text is not null && UtcTimestamp.TryParse(text, out var time) ? time : null;
}
