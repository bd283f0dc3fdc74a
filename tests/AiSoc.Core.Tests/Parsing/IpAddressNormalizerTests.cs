using AiSoc.Core.Parsing;

namespace AiSoc.Core.Tests.Parsing;

public class IpAddressNormalizerTests
{
    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("10.1.2.3:443", "10.1.2.3")]
    [InlineData("[2001:db8::1]:8080", "2001:db8::1")]
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("::ffff:81.2.69.142", "81.2.69.142")]
    [InlineData("::FFFF:10.0.0.1", "10.0.0.1")]
    [InlineData(" 81.2.69.142 ", "81.2.69.142")]
    [InlineData("fe80::1%12", "fe80::1")]
    public void TryNormalize_ValidAddress_ReturnsCanonicalForm(string input, string expected)
    {
        Assert.True(IpAddressNormalizer.TryNormalize(input, out var address));

        Assert.Equal(expected, address!.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10.1")]
    [InlineData("300.1.1.1")]
    [InlineData("not-an-ip")]
    [InlineData("1.2.3.4.5")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalize_InvalidAddress_ReturnsFalse(string? input)
    {
        Assert.False(IpAddressNormalizer.TryNormalize(input, out _));
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.5.4", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::1", true)]
    [InlineData("81.2.69.142", false)]
    [InlineData("2001:4860::8888", false)]
    public void IsPrivate_Address_ClassifiesRange(string input, bool expected)
    {
        Assert.True(IpAddressNormalizer.TryNormalize(input, out var address));

        Assert.Equal(expected, IpAddressNormalizer.IsPrivate(address!));
    }
}
