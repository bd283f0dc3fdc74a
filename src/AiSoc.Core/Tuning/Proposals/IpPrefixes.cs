using System.Net;
using System.Net.Sockets;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>Builds the network prefix an address belongs to, with one prefix length per address family.</summary>
public static class IpPrefixes
{
    /// <summary>Returns the network of <paramref name="address"/> with its host bits cleared.</summary>
    public static IPNetwork Of(IPAddress address, int ipv4PrefixLength, int ipv6PrefixLength)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var length = address.AddressFamily == AddressFamily.InterNetworkV6 ? ipv6PrefixLength : ipv4PrefixLength;
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), length);
    }
}
