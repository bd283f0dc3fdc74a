using System.Security.Cryptography;
using System.Text;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>Builds stable proposal ids such as <c>suppression-3f2a9c1b7d04</c>.</summary>
internal static class ProposalIds
{
    public static string Create(ProposalKind kind, string? detectorId, ProposalCondition condition)
    {
        var prefix = kind switch
        {
            ProposalKind.Suppression => "suppression",
            ProposalKind.LowerSeverity => "lower-severity",
            ProposalKind.RaiseSeverity => "raise-severity",
            ProposalKind.ReviewRule => "review-rule",
            ProposalKind.CoverageGap => "coverage-gap",
            _ => "retrain-model",
        };

        // The retraining counts change with every run, so they are left out of the identity.
        var identity = string.Join('\n', prefix, detectorId, condition.EntityField, condition.EntityValue,
            condition.CurrentSeverity, condition.ProposedSeverity, condition.Technique);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return prefix + "-" + Convert.ToHexStringLower(hash)[..12];
    }
}
