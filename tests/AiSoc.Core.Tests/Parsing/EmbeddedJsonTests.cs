using System.Text;
using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Tests.Parsing;

public class EmbeddedJsonTests
{
    [Fact]
    public void Utf8Of_EscapedString_ReturnsUnescapedUtf8()
    {
        using var document = JsonDocument.Parse("{\"Entities\":\"[{\\\"Type\\\":\\\"host\\\",\\\"HostName\\\":\\\"caf\\u00e9\\\"}]\"}");

        var utf8 = EmbeddedJson.Utf8Of(document.RootElement.GetProperty("Entities"));

        Assert.Equal("[{\"Type\":\"host\",\"HostName\":\"café\"}]", Encoding.UTF8.GetString(utf8));
    }

    [Fact]
    public void Utf8Of_PlainString_ReturnsSameBytes()
    {
        using var document = JsonDocument.Parse("{\"v\":\"abc\"}");

        Assert.Equal("abc"u8.ToArray(), EmbeddedJson.Utf8Of(document.RootElement.GetProperty("v")));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("null", true)]
    [InlineData(" NULL ", true)]
    [InlineData("{}", false)]
    public void IsMissing_Text_DetectsMissingValues(string text, bool expected)
    {
        Assert.Equal(expected, EmbeddedJson.IsMissing(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void IsValid_BrokenJson_ReturnsError()
    {
        Assert.False(EmbeddedJson.IsValid("{\"a\": "u8, out var error));

        Assert.NotNull(error);
    }

    [Fact]
    public void IsValid_Object_ReturnsTrue()
    {
        Assert.True(EmbeddedJson.IsValid("{\"a\": [1, 2]}"u8, out _));
    }
}
