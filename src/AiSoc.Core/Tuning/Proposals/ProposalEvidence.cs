using System.Security.Cryptography;
using System.Text.Json;
using AiSoc.Core.Output;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>The cases behind a proposal, so a reviewer can check it.</summary>
public sealed record ProposalEvidence
{
    /// <summary>Alerts the proposal is based on.</summary>
    public int Alerts { get; init; }

    public int TruePositives { get; init; }

    public int BenignPositives { get; init; }

    public int FalsePositives { get; init; }

    /// <summary>Alerts with a verdict set by automation; counted for context, never used as labels.</summary>
    public int AutomationVerdicts { get; init; }

    /// <summary>Up to the configured sample size of case ids, in creation time order.</summary>
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    public DateTimeOffset? PeriodStart { get; init; }

    public DateTimeOffset? PeriodEnd { get; init; }

    /// <summary>Returns the SHA-256 of the evidence as compact JSON, in lower-case hex, for audit records.</summary>
    public string ComputeHash()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, OutputJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
