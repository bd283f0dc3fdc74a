namespace AiSoc.Core.Scoring;

/// <summary>
/// Points each scoring rule adds (positive) or removes (negative). The defaults make a high-severity endpoint
/// detection at a late kill-chain stage reach the default malicious threshold of 70 on its own
/// (40 + 15 + 15), while a low-severity custom rule hit without other signals stays benign.
/// </summary>
public sealed class ScoringWeights
{
    public int HighSeverity { get; set; } = 40;

    public int MediumSeverity { get; set; } = 25;

    public int LowSeverity { get; set; } = 10;

    public int InformationalSeverity { get; set; }

    /// <summary>Points for a severity the source did not give; between low and medium, because nothing says it is either.</summary>
    public int UnknownSeverity { get; set; } = 18;

    /// <summary>Endpoint (EDR), antivirus and threat-intelligence detections, which match known-bad artifacts.</summary>
    public int ThreatDetection { get; set; } = 15;

    /// <summary>Built-in analytics of a Microsoft security product, such as Defender for Cloud or Identity Protection.</summary>
    public int ProductDetection { get; set; } = 10;

    /// <summary>Analytics rules the customer wrote (Sentinel scheduled or NRT rules, custom detections), which are noisier.</summary>
    public int CustomRuleDetection { get; set; } = 5;

    /// <summary>Tactics at or after credential access that show an attack in progress, such as lateral movement or impact.</summary>
    public int LateStage { get; set; } = 15;

    /// <summary>Execution through discovery: foothold activity.</summary>
    public int MiddleStage { get; set; } = 8;

    /// <summary>Reconnaissance, resource development and initial access.</summary>
    public int EarlyStage { get; set; } = 3;

    /// <summary>Added when the incident reached a late-stage tactic that this alert does not show itself.</summary>
    public int IncidentLateStage { get; set; } = 5;

    public int PrivilegedAccount { get; set; } = 20;

    public int CriticalHost { get; set; } = 15;

    /// <summary>Points per other correlated alert, up to <see cref="CorroborationMax"/>.</summary>
    public int CorroborationPerAlert { get; set; } = 5;

    public int CorroborationMax { get; set; } = 15;

    /// <summary>Added when a correlated alert comes from another product, because independent detectors agree.</summary>
    public int CrossProductCorroboration { get; set; } = 10;

    public int CorrelatedHighSeverity { get; set; } = 5;

    /// <summary>Provider classification or determination that marks the alert malicious (TruePositive, Malware and so on).</summary>
    public int ProviderMalicious { get; set; } = 20;

    /// <summary>Provider classification or determination that marks expected or benign activity (BenignPositive and so on).</summary>
    public int ProviderBenign { get; set; } = -20;

    public int ProviderFalsePositive { get; set; } = -30;

    /// <summary>Applied when the only entities are built-in accounts and private IPs, which usually means system noise.</summary>
    public int BuiltInOnly { get; set; } = -10;
}
