using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Turns raw records into alerts, incidents and rejects on one worker thread. Each worker has its own processor,
/// so nothing here is shared or locked.
/// </summary>
internal sealed class RecordProcessor(NormalizerRegistry registry)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    public List<NormalizedAlert> Alerts { get; } = [];

    public List<ProviderIncident> Incidents { get; } = [];

    public List<RejectedRecord> Rejects { get; } = [];

    public Dictionary<string, long> RecordsByFormat { get; } = new(StringComparer.Ordinal);

    public long Normalized { get; private set; }

    public long Records { get; private set; }

    /// <summary>Processes every record of a batch.</summary>
    public void Process(RecordBatch batch)
    {
        foreach (var raw in batch.Records)
        {
            Process(raw);
        }
    }

    private void Process(RawRecord raw)
    {
        if (raw.ReadError is not null)
        {
            Reject(raw.Ref, raw.ReadError);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw.Bytes, DocumentOptions);
        }
        catch (JsonException error)
        {
            Reject(raw.Ref, "invalid JSON: " + error.Message.Split(" LineNumber", 2)[0]);
            return;
        }

        using (document)
        {
            var items = RecordUnwrapper.TryUnwrap(document.RootElement);
            if (items is null)
            {
                Normalize(document.RootElement, raw.Ref);
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                Normalize(items[i], raw.Ref with { Item = i });
            }
        }
    }

    private void Normalize(JsonElement record, RawRecordRef reference)
    {
        var normalizer = registry.Find(record);
        if (normalizer is null)
        {
            Reject(reference, NonAlertClassifier.Describe(record));
            return;
        }

        try
        {
            var result = normalizer.Normalize(record, reference);
            Alerts.AddRange(result.Alerts);
            if (result.Incident is not null)
            {
                Incidents.Add(result.Incident);
            }

            Normalized++;
            Records++;
            RecordsByFormat[normalizer.Format] = RecordsByFormat.GetValueOrDefault(normalizer.Format) + 1;
        }
        catch (InvalidRecordException error)
        {
            Reject(reference, error.Message, normalizer.Format);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or ArgumentException or OverflowException)
        {
            // A normalizer bug must not lose the record: it is rejected with the error so it can be found and fixed.
            Reject(reference, $"normalizer {normalizer.Format} failed: {error.GetType().Name}: {error.Message}", normalizer.Format);
        }
    }

    private void Reject(RawRecordRef reference, string reason, string? format = null)
    {
        Rejects.Add(new RejectedRecord(reference.File, reference.Record, reference.Line, reference.Item, reason, format));
        Records++;
    }
}
