using System.Security.Cryptography;
using System.Text;

namespace AiSoc.Core.Ingest;

/// <summary>Derives ids that stay the same for every version and every export of the same provider object.</summary>
public static class StableIds
{
    /// <summary>
    /// Returns the alert id for a provider alert id. The id depends on the provider id alone, so the same alert
    /// seen through two channels (Sentinel and Graph) has one id and deduplicates.
    /// </summary>
    public static string ForAlert(string providerAlertId) => "al-" + Hash(providerAlertId);

    /// <summary>Returns an id for a correlated incident from the ids of its alerts.</summary>
    public static string ForIncident(IEnumerable<string> alertIds) => "in-" + Hash(string.Join('|', alertIds.Order(StringComparer.Ordinal)));

    private static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(text.Trim().ToLowerInvariant());
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..10]);
    }
}
