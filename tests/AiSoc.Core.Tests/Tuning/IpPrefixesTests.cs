using System.Net;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tests.Tuning;

public sealed class IpPrefixesTests
{
    [Theory]
    [InlineData("198.51.100.77", "198.51.100.0/24")]
    [InlineData("10.1.2.3", "10.1.2.0/24")]
    [InlineData("2001:db8:4a:7:1234:5678:9abc:def0", "2001:db8:4a:7::/64")]
    [InlineData("fe80::1", "fe80::/64")]
    [InlineData("::ffff:198.51.100.77", "198.51.100.0/24")]
    public void Of_Address_ReturnsPrefixOfItsFamily(string address, string expected)
    {
        var prefix = IpPrefixes.Of(IPAddress.Parse(address), 24, 64);

        Assert.Equal(expected, prefix.ToString());
    }

    [Fact]
    public void Of_CustomLengths_AppliesPerFamily()
    {
        var v4 = IpPrefixes.Of(IPAddress.Parse("198.51.100.77"), 16, 48);
        var v6 = IpPrefixes.Of(IPAddress.Parse("2001:db8:4a:7::1"), 16, 48);

        Assert.Equal("198.51.0.0/16", v4.ToString());
        Assert.Equal("2001:db8:4a::/48", v6.ToString());
    }

    [Fact]
    public void Of_Prefix_ContainsOriginalAddress()
    {
        var address = IPAddress.Parse("2001:db8:4a:7:ffff::1");

        var prefix = IpPrefixes.Of(address, 24, 64);

        Assert.True(prefix.Contains(address));
        Assert.False(prefix.Contains(IPAddress.Parse("2001:db8:4a:8::1")));
    }
}
