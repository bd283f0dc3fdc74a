namespace AiSoc.Core.Normalizers.Common;

/// <summary>Puts the provider alert ids that one product writes in several forms into one form.</summary>
public static class ProviderAlertIds
{
    /// <summary>
    /// Returns the alert GUID for a Defender for Cloud system alert id (<c>&lt;reverse ticks&gt;_&lt;GUID&gt;</c>), which
    /// Sentinel's <c>SecurityAlert</c> table stores as <c>ProviderAlertId</c> without the prefix, so the same alert read
    /// from Defender for Cloud and from Sentinel deduplicates. Any other id is returned unchanged.
    /// </summary>
    public static string? Canonical(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var underscore = id.IndexOf('_', StringComparison.Ordinal);
        if (underscore is < 10 or > 20 || !Guid.TryParseExact(id.AsSpan(underscore + 1), "D", out _))
        {
            return id;
        }

        foreach (var c in id.AsSpan(0, underscore))
        {
            if (!char.IsAsciiDigit(c))
            {
                return id;
            }
        }

        return id[(underscore + 1)..];
    }
}
