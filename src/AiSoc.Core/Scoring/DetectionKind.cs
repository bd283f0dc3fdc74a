namespace AiSoc.Core.Scoring;

/// <summary>How an alert was detected, ranked by how often that kind of detection is a true positive.</summary>
internal enum DetectionKind
{
    Unknown,
    CustomRule,
    ProductAnalytics,
    ThreatDetection,
}
