using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.DefenderForCloud;
using AiSoc.Core.Normalizers.DefenderForEndpoint;
using AiSoc.Core.Normalizers.DefenderXdr;
using AiSoc.Core.Normalizers.EntraIdProtection;
using AiSoc.Core.Normalizers.Graph;
using AiSoc.Core.Normalizers.Sentinel;

namespace AiSoc.Core.Normalizers;

/// <summary>Every supported record format, in the order detection tries them.</summary>
public static class KnownFormats
{
    /// <summary>
    /// Creates the registry. Incident formats come first because incidents contain alerts that alert formats would
    /// also match; each normalizer's shape test is written not to claim another format's records.
    /// </summary>
    public static NormalizerRegistry CreateRegistry() => new(
    [
        new IncidentNormalizer(),
        new GraphIncidentNormalizer(),
        new ArmAlertNormalizer(),
        new DefenderForCloudArmAlertNormalizer(),
        new DefenderForCloudExportNormalizer(),
        new SecurityAlertRowNormalizer(),
        new GraphAlertNormalizer(),
        new DefenderForEndpointAlertNormalizer(),
        new RiskDetectionNormalizer(),
        new AdvancedHuntingAlertNormalizer(),
    ]);
}
