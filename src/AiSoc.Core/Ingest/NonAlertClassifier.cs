using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Names what a record is when no normalizer claims it, so that API error bodies, machine actions, telemetry and
/// bare entities land in the rejects list with a reason an analyst can act on.
/// </summary>
public static class NonAlertClassifier
{
    private static readonly HashSet<string> SentinelEntityKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "Account", "Host", "Ip", "Url", "DnsResolution", "File", "FileHash", "Process", "Mailbox", "MailMessage",
        "MailCluster", "SubmissionMail", "CloudApplication", "AzureResource", "RegistryKey", "RegistryValue", "Malware",
        "SecurityGroup", "IoTDevice", "Bookmark", "Nic",
    };

    /// <summary>Returns the reason to reject a record that no normalizer recognized.</summary>
    public static string Describe(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return $"not an alert: record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, expected an object";
        }

        if (record.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return $"not an alert: API error response (code '{error.Str("code") ?? "unknown"}', message '{Clip(error.Str("message"))}')";
        }

        if (record.Has("machineId") && record.Has("requestor") && record.Has("type"))
        {
            return $"not an alert: Defender for Endpoint machine action ({record.Str("type")}, status {record.Str("status")})";
        }

        if (record.Str("kind") is { } kind && SentinelEntityKinds.Contains(kind) && record.Has("properties"))
        {
            return $"not an alert: Sentinel {kind} entity without an alert; entities are read as part of an incident or alert";
        }

        if (record.Str("Type") is { } table && !table.Equals("SecurityAlert", StringComparison.OrdinalIgnoreCase) && record.Has("TimeGenerated"))
        {
            return $"not an alert: Log Analytics {table} row (telemetry; 'aisoc baseline' reads sign-in, logon and process telemetry)";
        }

        if (record.Has("IncidentGrade") || (record.Has("OrgId") && record.Has("DetectorId")))
        {
            return "not an alert: labelled GUIDE evidence row (training data; 'aisoc train' and 'aisoc evaluate' read it)";
        }

        if (record.Has("EventID") && record.Has("Computer") && record.Has("TimeGenerated"))
        {
            return $"not an alert: Windows security event {record.Str("EventID")} (telemetry; 'aisoc baseline' reads logon events)";
        }

        if (record.Has("Timestamp") && record.Has("ActionType") && record.Has("DeviceName"))
        {
            return $"not an alert: Defender advanced hunting event ({record.Str("ActionType") ?? "no action type"}; telemetry, not an alert)";
        }

        if (record.Str("$id") is not null || LooksLikeEntityGraph(record))
        {
            return "not an alert: Sentinel entity graph without an alert";
        }

        return $"unrecognized record: no normalizer matches a record with fields {ListFields(record)}";
    }

    private static bool LooksLikeEntityGraph(JsonElement record)
    {
        foreach (var property in record.EnumerateObject())
        {
            return property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("$id", out _);
        }

        return false;
    }

    private static string ListFields(JsonElement record)
    {
        var names = record.EnumerateObject().Select(p => p.Name).Take(8).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names) + (record.EnumerateObject().Count() > 8 ? ", ..." : string.Empty);
    }

    private static string Clip(string? text) => text is null ? string.Empty : text.Length <= 120 ? text : text[..120] + "...";
}
