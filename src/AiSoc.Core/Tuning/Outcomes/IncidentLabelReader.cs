using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>
/// Reads <see cref="IncidentLabel"/> fields from Sentinel REST incidents and Graph security incidents. The
/// normalizers keep the classification itself; this second pass reads what they leave out.
/// </summary>
internal static class IncidentLabelReader
{
    /// <summary>Returns the labels of every incident in <paramref name="files"/>, by provider incident id.</summary>
    /// <param name="automationLabels">Incident labels (Sentinel) or custom tags (Graph) that mark an automatic closure.</param>
    public static Dictionary<string, IncidentLabel> Read(IEnumerable<string> files, IReadOnlySet<string> automationLabels)
    {
        var labels = new Dictionary<string, IncidentLabel>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            foreach (var batch in InputReaders.Read(file))
            {
                foreach (var record in batch.Records)
                {
                    AddRecord(record, automationLabels, labels);
                }
            }
        }

        return labels;
    }

    private static void AddRecord(RawRecord record, IReadOnlySet<string> automationLabels, Dictionary<string, IncidentLabel> labels)
    {
        if (record.ReadError is not null || record.Bytes.IsEmpty)
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record.Bytes);
        }
        catch (JsonException)
        {
            // The ingest pass reports the same record as rejected, with its position.
            return;
        }

        using (document)
        {
            foreach (var item in RecordUnwrapper.TryUnwrap(document.RootElement) ?? [document.RootElement])
            {
                if ((ReadSentinel(item, automationLabels) ?? ReadGraph(item, automationLabels)) is { } label)
                {
                    labels[label.ProviderIncidentId] = label;
                }
            }
        }
    }

    private static IncidentLabel? ReadSentinel(JsonElement item, IReadOnlySet<string> automationLabels)
    {
        // The same shape test as the incident normalizer: the REST resource type, or an incident number in a
        // flattened export.
        var isIncident = item.Str("type") is { } type && type.EndsWith("SecurityInsights/incidents", StringComparison.OrdinalIgnoreCase)
            || item.Has("properties.incidentNumber") || item.Get("properties", "incidentNumber") is not null;
        if (item.ValueKind != JsonValueKind.Object || !isIncident || SentinelIncidentId(item) is not { } id)
        {
            return null;
        }

        var closed = string.Equals(item.Str("properties", "status"), "Closed", StringComparison.OrdinalIgnoreCase);
        var labelNames = JsonFields.Items(item.Get("properties", "labels")).Select(label => label.Str("labelName"));

        // NOTE: The Sentinel incident resource has no closing time or closing identity, so the last modification of a
        // closed incident is used as the closing time, and a configured label marks an automatic closure.
        return new IncidentLabel
        {
            ProviderIncidentId = id,
            Reason = item.Str("properties", "classificationReason"),
            ClosedAt = closed ? Time(item.Str("properties", "lastModifiedTimeUtc")) : null,
            ClosedByAutomation = labelNames.Any(name => name is not null && automationLabels.Contains(name)),
            Techniques = Techniques(item.Get("properties", "additionalData")?.Get("techniques") ?? item.Get("properties.additionalData.techniques")),
        };
    }

    // The incident normalizer takes the name, else the last segment of the resource id.
    private static string? SentinelIncidentId(JsonElement item)
    {
        if (item.Str("name") is { } name)
        {
            return name;
        }

        var resourceId = item.Str("id");
        var slash = resourceId?.LastIndexOf('/') ?? -1;
        return resourceId is not null && slash < resourceId.Length - 1 ? resourceId[(slash + 1)..] : null;
    }

    private static IncidentLabel? ReadGraph(JsonElement item, IReadOnlySet<string> automationLabels)
    {
        if (item.ValueKind != JsonValueKind.Object || item.Str("incidentWebUrl") is null || item.Str("id") is not { } id)
        {
            return null;
        }

        var resolved = string.Equals(item.Str("status"), "resolved", StringComparison.OrdinalIgnoreCase);
        var tags = JsonFields.Strings(item.Get("customTags")).Concat(JsonFields.Strings(item.Get("systemTags")));
        var alertTechniques = JsonFields.Items(item.Get("alerts")).SelectMany(alert => JsonFields.Strings(alert.Get("mitreTechniques")));

        return new IncidentLabel
        {
            ProviderIncidentId = id,
            Reason = item.Str("determination"),
            ClosedAt = resolved ? Time(item.Str("resolvedDateTime") ?? item.Str("lastUpdateDateTime")) : null,
            ClosedByAutomation = tags.Any(automationLabels.Contains),
            Techniques = Techniques(alertTechniques),
        };
    }

    private static List<string> Techniques(JsonElement? list) => Techniques(JsonFields.Strings(list));

    private static List<string> Techniques(IEnumerable<string> texts)
    {
        var techniques = new List<string>();
        foreach (var text in texts)
        {
            if (AttackIds.TryNormalizeTechnique(text, out var technique) && !techniques.Contains(technique))
            {
                techniques.Add(technique);
            }
        }

        return techniques;
    }

    private static DateTimeOffset? Time(string? text) =>
        text is not null && UtcTimestamp.TryParse(text, out var time) ? time : null;
}
