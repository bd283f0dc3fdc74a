using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>Recognizes one provider record format and turns its records into alerts or a provider incident.</summary>
public interface IRecordNormalizer
{
    /// <summary>Short format name used in logs and reports, such as <c>graph-alert-v2</c>.</summary>
    string Format { get; }

    /// <summary>Returns true when <paramref name="record"/> has this format's shape. Must be cheap and must not throw.</summary>
    bool CanNormalize(JsonElement record);

    /// <summary>
    /// Normalizes one record. Throws <see cref="InvalidRecordException"/> naming the field when the record has
    /// this format's shape but cannot become an alert.
    /// </summary>
    NormalizationResult Normalize(JsonElement record, RawRecordRef raw);
}
