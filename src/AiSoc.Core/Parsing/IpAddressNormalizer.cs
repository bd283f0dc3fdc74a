using System.Net;
using System.Net.Sockets;

namespace AiSoc.Core.Parsing;

/// <summary>
/// Normalizes IP address text: strips a port (<c>[v6]:port</c>, <c>v4:port</c>), reduces IPv4-mapped IPv6 to IPv4
/// and writes IPv6 in canonical (RFC 5952) form. Rejects anything else, including the short IPv4 forms that
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts, such as "1" or "10.1".
/// </summary>
public static class IpAddressNormalizer
{
    /// <summary>Parses and canonicalizes <paramref name="text"/>.</summary>
    public static bool TryNormalize(string? text, out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var candidate = StripPort(text.Trim());
        if (candidate.Contains(':', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(candidate, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            address = v6.IsIPv4MappedToIPv6 ? v6.MapToIPv4() : StripScope(v6);
            return true;
        }

        if (!IsDottedQuad(candidate) || !IPAddress.TryParse(candidate, out var v4))
        {
            return false;
        }

        address = v4;
        return true;
    }

    /// <summary>True for addresses that are not routable on the internet or are shared by many hosts.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 10 || b[0] == 127 || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || b[0] >= 224;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC;
    }

    private static string StripPort(string text)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? text[1..close] : text;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var isV4WithPort = colon > 0 && colon == text.LastIndexOf(':') && text.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < colon;
        return isV4WithPort ? text[..colon] : text;
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0)
                {
                    return false;
                }

                parts++;
                digits = 0;
            }
            else if (char.IsAsciiDigit(c) && digits < 3)
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return parts == 3 && digits > 0;
    }

    private static IPAddress StripScope(IPAddress address) =>
        address.ScopeId == 0 ? address : new IPAddress(address.GetAddressBytes());
}
