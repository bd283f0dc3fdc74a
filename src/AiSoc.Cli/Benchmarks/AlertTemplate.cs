using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers;

namespace AiSoc.Cli.Benchmarks;

/// <summary>
/// One real alert record to replicate, with the id values that must change in every replica so that
/// deduplication does not fold the replicas together.
/// </summary>
internal sealed record AlertTemplate(string Json, IReadOnlyList<string> IdValues, string Format, string AlertId)
{
    private static readonly string[] IdFields =
    [
        "id", "providerAlertId", "ProviderAlertId", "SystemAlertId", "systemAlertId", "VendorOriginalId", "alertId", "AlertId",
    ];

    /// <summary>Returns the replica numbered <paramref name="replica"/>, with every id value suffixed.</summary>
    public string Replicate(long replica)
    {
        var json = Json;
        foreach (var id in IdValues)
        {
            json = json.Replace(id, id + "-r" + replica.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>
    /// Reads the alert records (not incidents or rejects) of the given files and folders, one per distinct alert, so
    /// that replicas of two copies of one alert do not fold together.
    /// </summary>
    public static List<AlertTemplate> Load(IEnumerable<string> paths)
    {
        var registry = KnownFormats.CreateRegistry();
        var templates = new List<AlertTemplate>();
        foreach (var file in InputCatalog.Expand(paths).Files)
        {
            foreach (var raw in InputReaders.Read(file).SelectMany(b => b.Records).Where(r => r.ReadError is null))
            {
                using var document = TryParse(raw.Bytes);
                if (document is null)
                {
                    continue;
                }

                foreach (var record in RecordUnwrapper.TryUnwrap(document.RootElement) ?? [document.RootElement])
                {
                    if (TryCreate(registry, record, raw.Ref) is { } template)
                    {
                        templates.Add(template);
                    }
                }
            }
        }

        return templates.DistinctBy(t => t.AlertId, StringComparer.Ordinal).ToList();
    }

    // Invalid records are not templates; triage itself reports them as rejects.
    private static JsonDocument? TryParse(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AlertTemplate? TryCreate(NormalizerRegistry registry, JsonElement record, AiSoc.Core.Schema.RawRecordRef reference)
    {
        var normalizer = registry.Find(record);
        if (normalizer is null)
        {
            return null;
        }

        NormalizationResult result;
        try
        {
            result = normalizer.Normalize(record, reference);
        }
        catch (InvalidRecordException)
        {
            return null;
        }

        if (result.Incident is not null || result.Alerts.Count != 1)
        {
            return null;
        }

        var ids = new List<string>();
        Collect(record, ids);
        if (record.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            Collect(properties, ids);
        }

        if (ids.Count == 0)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(record, AiSoc.Core.Output.OutputJson.Options);
        var orderedIds = ids.Distinct(StringComparer.Ordinal).OrderByDescending(i => i.Length).ToList();
        return new AlertTemplate(json, orderedIds, normalizer.Format, result.Alerts[0].Id);
    }

    private static void Collect(JsonElement obj, List<string> ids)
    {
        foreach (var field in IdFields)
        {
            if (obj.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: >= 4 } text)
            {
                ids.Add(text);
            }
        }
    }
}
