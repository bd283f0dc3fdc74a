using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Graph;

/// <summary>
/// Normalizes a Microsoft Graph security <c>alert</c> (alerts_v2, the Defender XDR alert API) and its
/// <c>evidence</c> collection.
/// </summary>
public sealed class GraphAlertNormalizer : IRecordNormalizer
{
    internal const string ODataType = "#microsoft.graph.security.alert";

    public string Format => "graph-alert-v2";

    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (record.Str("@odata.type") is { } odataType)
        {
            return IsODataType(odataType, ODataType);
        }

        return record.Str("providerAlertId") is not null
            && record.Str("serviceSource") is not null
            && (record.Has("evidence") || record.Str("detectionSource") is not null)
            && !record.Has("properties");
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw) =>
        NormalizationResult.ForAlert(ToAlert(record, raw));

    /// <summary>Builds the alert; the incident normalizer also calls this for the alerts an incident carries.</summary>
    internal static NormalizedAlert ToAlert(JsonElement record, RawRecordRef raw)
    {
        var serviceSource = record.Str("serviceSource");
        var draft = new AlertDraft(SourceProduct.DefenderXdr, raw)
        {
            ProductName = GraphServiceSources.ProductName(serviceSource),
            ProviderAlertId = record.Str("providerAlertId") ?? record.Str("id"),
            ProviderIncidentId = record.Str("incidentId"),
            Title = record.Str("title"),
            Description = record.Str("description"),
            Severity = SeverityParser.Parse(record.Str("severity")),
            Status = record.Str("status"),
            DetectorId = record.Str("detectorId") ?? record.Str("alertPolicyId"),
            Category = record.Str("category"),
            DetectionSource = record.Str("detectionSource"),
            CreatedAt = AlertDraft.Time(record.Str("createdDateTime"), "createdDateTime"),
            FirstActivityAt = AlertDraft.Time(record.Str("firstActivityDateTime"), "firstActivityDateTime"),
            LastActivityAt = AlertDraft.Time(record.Str("lastActivityDateTime"), "lastActivityDateTime"),
            LastUpdatedAt = AlertDraft.Time(record.Str("lastUpdateDateTime"), "lastUpdateDateTime"),
        };

        // The category is often an ATT&CK tactic name ("DefenseEvasion") but can also be a non-tactic
        // category such as "Malware", which must not produce a warning.
        if (AttackIds.TryNormalizeTactic(draft.Category, out var tactic))
        {
            draft.AddTactics(tactic, "category");
        }

        foreach (var technique in TextItems(record, "mitreTechniques"))
        {
            draft.AddTechniques(technique, "mitreTechniques");
        }

        draft.SetExtra("classification", KnownValue(record.Str("classification")));
        draft.SetExtra("determination", KnownValue(record.Str("determination")));
        draft.SetExtra("serviceSource", serviceSource);
        draft.SetExtra("threatFamilyName", record.Str("threatFamilyName"));

        GraphEvidenceReader.Read(record.Get("evidence"), draft);

        return draft.Build("providerAlertId", "title", "createdDateTime");
    }

    /// <summary>Compares an <c>@odata.type</c> value, which Graph writes with or without the leading '#'.</summary>
    internal static bool IsODataType(string value, string expected) =>
        value.TrimStart('#').Equals(expected.TrimStart('#'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns null for Graph's placeholder values <c>unknown</c> and <c>unknownFutureValue</c>.</summary>
    internal static string? KnownValue(string? value) =>
        value is null || value.Equals("unknown", StringComparison.OrdinalIgnoreCase)
            || value.Equals("unknownFutureValue", StringComparison.OrdinalIgnoreCase)
            ? null
            : value;

    /// <summary>
    /// Reads a property written as a JSON array of strings or, in all-string exports, as one string. A string
    /// that holds a JSON array is parsed; any other string is returned as one item for the caller to split.
    /// </summary>
    internal static IEnumerable<string> TextItems(JsonElement obj, string name)
    {
        if (obj.Get(name) is { ValueKind: JsonValueKind.Array } array)
        {
            return JsonFields.Strings(array);
        }

        if (obj.Str(name) is not { } text)
        {
            return [];
        }

        if (!text.StartsWith('['))
        {
            return [text];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonFields.Strings(document.RootElement);
        }
        catch (JsonException)
        {
            return [text];
        }
    }
}
