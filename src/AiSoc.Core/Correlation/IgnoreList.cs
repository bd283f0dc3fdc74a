using System.Collections.Frozen;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Correlation;

/// <summary>Matches correlation keys against the configured entity values that never link.</summary>
internal sealed class IgnoreList
{
    private readonly FrozenSet<string> _values;

    public IgnoreList(IEnumerable<string> values)
    {
        _values = values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(Canonical)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the whole key or its value part is on the list.</summary>
    public bool Contains(string key) =>
        _values.Count > 0 && (_values.Contains(key) || _values.Contains(EntityKeyText.ValueOf(key)));

    /// <summary>Writes IPs in the canonical form that IP keys use, so "::ffff:10.0.0.1" matches "ip:10.0.0.1".</summary>
    private static string Canonical(string value)
    {
        var trimmed = value.Trim();
        return IpAddressNormalizer.TryNormalize(trimmed, out var address) && address is not null ? address.ToString() : trimmed;
    }
}
