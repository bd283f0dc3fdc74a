using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Picks the normalizer for each record by its shape, in a fixed order from the most specific format to the most
/// general, so that detection does not depend on file names.
/// </summary>
public sealed class NormalizerRegistry(IReadOnlyList<IRecordNormalizer> normalizers)
{
    public IReadOnlyList<IRecordNormalizer> Normalizers { get; } = normalizers;

    /// <summary>Returns the first normalizer whose shape matches, or null.</summary>
    public IRecordNormalizer? Find(JsonElement record)
    {
        foreach (var normalizer in Normalizers)
        {
            if (normalizer.CanNormalize(record))
            {
                return normalizer;
            }
        }

        return null;
    }
}
