using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Functions.Ingestion;

/// <summary>
/// Normalizes one in-memory JSON event with the same <see cref="NormalizerRegistry"/>, <see cref="RecordUnwrapper"/>
/// and <see cref="NonAlertClassifier"/> that file ingestion uses, so the stream and the CLI agree on every record.
/// Defender XDR streaming records carry the table row in <c>properties</c>; those rows are unwrapped first.
/// </summary>
/// <remarks>NOTE: this repeats the per-record steps of AiSoc.Core's internal RecordProcessor, which reads only
/// file batches; a public single-record entry point in AiSoc.Core would remove the copy.</remarks>
public sealed class EventRecordNormalizer(NormalizerRegistry registry)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Normalizes <paramref name="body"/>; <paramref name="reference"/> names the source in every alert.</summary>
    public EventNormalization Normalize(ReadOnlyMemory<byte> body, RawRecordRef reference)
    {
        var result = new EventNormalization();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException error)
        {
            result.Rejects.Add(new RejectedItem(null, "invalid JSON: " + error.Message.Split(" LineNumber", 2)[0], null));
            return result;
        }

        using (document)
        {
            var items = RecordUnwrapper.TryUnwrap(document.RootElement);
            if (items is null)
            {
                NormalizeRecord(document.RootElement, reference, null, result);
                return result;
            }

            for (var i = 0; i < items.Count; i++)
            {
                NormalizeRecord(items[i], reference with { Item = i }, i, result);
            }
        }

        return result;
    }

    private void NormalizeRecord(JsonElement record, RawRecordRef reference, int? item, EventNormalization result)
    {
        var row = StreamingEnvelope.Unwrap(record);
        var normalizer = registry.Find(row);
        if (normalizer is null)
        {
            result.Rejects.Add(new RejectedItem(item, NonAlertClassifier.Describe(row), null));
            return;
        }

        try
        {
            var normalized = normalizer.Normalize(row, reference);
            result.Alerts.AddRange(normalized.Alerts);
            if (normalized.Incident is not null)
            {
                result.Incidents.Add(normalized.Incident);
            }
        }
        catch (InvalidRecordException error)
        {
            result.Rejects.Add(new RejectedItem(item, error.Message, normalizer.Format));
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or ArgumentException or OverflowException)
        {
            // A normalizer bug must not lose the record: it is dead-lettered with the error so it can be replayed after a fix.
            result.Rejects.Add(new RejectedItem(item, $"normalizer {normalizer.Format} failed: {error.GetType().Name}: {error.Message}", normalizer.Format));
        }
    }
}
