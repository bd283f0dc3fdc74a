using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>
/// Names the product that raised an alert, so that an alert from Defender for Endpoint counts as the same product
/// whether it arrived directly or through Sentinel or Graph.
/// </summary>
public static class ProductKey
{
    /// <summary>
    /// Returns a <see cref="SourceProduct"/> name for known Microsoft products, the lower-case product name for
    /// other products, and the channel when the alert names no product.
    /// </summary>
    public static string Of(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);

        if (string.IsNullOrWhiteSpace(alert.ProductName))
        {
            return alert.Source;
        }

        var letters = TextKey.Letters(alert.ProductName);
        if (letters.Contains("endpoint", StringComparison.Ordinal) || letters.Contains("defenderatp", StringComparison.Ordinal)
            || letters.Contains("advancedthreatprotection", StringComparison.Ordinal) || letters == "mdatp")
        {
            return SourceProduct.DefenderForEndpoint;
        }

        if (letters.Contains("identityprotection", StringComparison.Ordinal) || letters.Contains("entraidprotection", StringComparison.Ordinal))
        {
            return SourceProduct.EntraIdProtection;
        }

        if (letters.Contains("defenderforcloud", StringComparison.Ordinal) || letters.Contains("securitycenter", StringComparison.Ordinal))
        {
            return SourceProduct.DefenderForCloud;
        }

        if (letters.Contains("sentinel", StringComparison.Ordinal))
        {
            return SourceProduct.Sentinel;
        }

        return alert.ProductName.Trim().ToLowerInvariant();
    }
}
