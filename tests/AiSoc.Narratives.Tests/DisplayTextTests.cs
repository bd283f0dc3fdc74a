using AiSoc.Narratives.Rendering;

namespace AiSoc.Narratives.Tests;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("See [the report](https://evil.example.com/r) now", "See the report now")]
    [InlineData("Image ![x](https://evil.example.com/p.png) here", "Image x here")]
    [InlineData("Visit https://evil.example.com/a?b=c today", "Visit (link removed) today")]
    [InlineData("Open javascript:alert(1)", "Open (link removed)")]
    [InlineData("See [details](javascript:alert(1)).", "See details.")]
    [InlineData("Go to www.evil-pay.com/login", "Go to (link removed)")]
    [InlineData("Mail from billing@evil-pay.com", "Mail from billing@evil-pay[.]com")]
    [InlineData("Run <b>this</b> <script>alert(1)</script>", "Run this alert(1)")]
    [InlineData("Autolink <https://evil.example.com>", "Autolink")]
    [InlineData("line one\r\nline two\tend", "line one line two end")]
    [InlineData("powershell.exe -enc AAAA", "powershell.exe -enc AAAA")]
    public void Neutralize_UntrustedText_ReturnsPlainLine(string input, string expected)
    {
        var result = DisplayText.Neutralize(input);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Neutralize_Null_ReturnsEmpty()
    {
        var result = DisplayText.Neutralize(null);

        Assert.Equal(string.Empty, result);
    }
}
