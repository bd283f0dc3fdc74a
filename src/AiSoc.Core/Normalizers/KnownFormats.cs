using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Sentinel;

namespace AiSoc.Core.Normalizers;

/// <summary>Every supported record format, in the order detection tries them.</summary>
public static class KnownFormats
{
    /// <summary>
    /// Creates the registry. Envelope and incident formats come first because they contain alerts that would also
    /// match alert formats; each normalizer's shape test is written not to claim another format's records.
    /// </summary>
    public static NormalizerRegistry CreateRegistry() => new(
    [
        new IncidentNormalizer(),
        new ArmAlertNormalizer(),
    ]);
}
