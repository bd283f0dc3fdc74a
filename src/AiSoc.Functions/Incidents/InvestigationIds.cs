using System.Security.Cryptography;
using System.Text;

namespace AiSoc.Functions.Incidents;

/// <summary>Derives investigation ids that stay the same for every delivery of the same Sentinel incident or alert.</summary>
public static class InvestigationIds
{
    /// <summary>Returns <c>inv-</c> and 20 hex digits of SHA-256 over the kind and the lower-case provider id.</summary>
    public static string For(string kind, string providerId)
    {
        var bytes = Encoding.UTF8.GetBytes(kind + ":" + providerId.Trim().ToLowerInvariant());
        return "inv-" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 10));
    }
}
