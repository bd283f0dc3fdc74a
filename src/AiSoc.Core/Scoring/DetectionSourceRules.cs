using System.Collections.Frozen;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>
/// Classifies an alert's detection source. The names cover the Graph v1.0 <c>detectionSource</c> members and the
/// older Defender for Endpoint spellings such as WindowsDefenderAv and CustomerTI, compared without case and
/// punctuation. When the detection source is missing or unknown, the product decides.
/// </summary>
internal static class DetectionSourceRules
{
    private static readonly FrozenSet<string> ThreatSources = new[]
    {
        "antivirus", "windowsdefenderav", "edr", "microsoftdefenderforendpoint", "windowsdefenderatp",
        "customti", "customerti", "threatintelligence", "microsoftthreatintelligence",
        "microsoftdefenderthreatintelligenceanalytics", "microsoftthreatexperts", "smartscreen",
        "windowsdefendersmartscreen",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CustomRuleSources = new[]
    {
        "scheduledalerts", "nrtalerts", "customdetection", "analyticsrule", "scheduled", "nrt", "asischeduledalerts",
        "microsoftsentinel",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static DetectionKind Classify(NormalizedAlert alert)
    {
        if (!string.IsNullOrWhiteSpace(alert.DetectionSource))
        {
            var source = TextKey.Letters(alert.DetectionSource);
            if (ThreatSources.Contains(source))
            {
                return DetectionKind.ThreatDetection;
            }

            if (CustomRuleSources.Contains(source))
            {
                return DetectionKind.CustomRule;
            }

            if (source.StartsWith("microsoft", StringComparison.Ordinal) || source.StartsWith("azure", StringComparison.Ordinal)
                || source is "cloudappsecurity" or "automatedinvestigation" or "builtinml" or "fusion"
                || source.StartsWith("appgovernance", StringComparison.Ordinal))
            {
                return DetectionKind.ProductAnalytics;
            }
        }

        return ProductKey.Of(alert) switch
        {
            SourceProduct.DefenderForEndpoint => DetectionKind.ThreatDetection,
            SourceProduct.Sentinel => DetectionKind.CustomRule,
            SourceProduct.ThirdParty => DetectionKind.Unknown,
            SourceProduct.DefenderXdr or SourceProduct.DefenderForCloud or SourceProduct.EntraIdProtection => DetectionKind.ProductAnalytics,
            var product when product.Contains("microsoft", StringComparison.Ordinal) || product.Contains("azure", StringComparison.Ordinal)
                || product.Contains("office 365", StringComparison.Ordinal) => DetectionKind.ProductAnalytics,
            _ => DetectionKind.Unknown,
        };
    }

    public static string Describe(DetectionKind kind) => kind switch
    {
        DetectionKind.ThreatDetection => "Endpoint, antivirus or threat-intelligence detection",
        DetectionKind.ProductAnalytics => "Detected by a security product's built-in analytics",
        DetectionKind.CustomRule => "Detected by a custom analytics rule",
        _ => "Unknown detection source",
    };
}
