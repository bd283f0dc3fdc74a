namespace AiSoc.Core.Scoring;

/// <summary>
/// Configuration of <see cref="RuleBasedScorer"/>: which accounts and hosts are critical, the verdict thresholds
/// and the rule weights. Lists match case-insensitively.
/// </summary>
public sealed class ScoringOptions
{
    /// <summary>Privileged accounts as UPNs, Entra object ids, SIDs or account names.</summary>
    public IList<string> PrivilegedAccounts { get; } = new List<string>();

    /// <summary>Critical hosts as short names, FQDNs, Defender device ids or Entra device ids.</summary>
    public IList<string> CriticalHosts { get; } = new List<string>();

    /// <summary>Minimum score for a malicious verdict.</summary>
    public int MaliciousThreshold { get; set; } = 70;

    /// <summary>Minimum score for a suspicious verdict; lower scores are benign unless the alert needs context.</summary>
    public int SuspiciousThreshold { get; set; } = 35;

    public ScoringWeights Weights { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when the thresholds are out of range or out of order.</summary>
    public void Validate()
    {
        if (SuspiciousThreshold is < 1 or > 100)
        {
            throw new ArgumentException(
                $"Invalid SuspiciousThreshold {SuspiciousThreshold}: expected a score from 1 to 100.", nameof(SuspiciousThreshold));
        }

        if (MaliciousThreshold <= SuspiciousThreshold || MaliciousThreshold > 100)
        {
            throw new ArgumentException(
                $"Invalid MaliciousThreshold {MaliciousThreshold}: expected a score above SuspiciousThreshold ({SuspiciousThreshold}) and at most 100.",
                nameof(MaliciousThreshold));
        }

        ArgumentNullException.ThrowIfNull(Weights);
    }
}
